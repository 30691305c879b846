import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { parseForm, readForm } from "~/lib/forms";
import { stageLabels } from "~/lib/labels";
import { getCollective } from "~/models/collective.server";
import { crossMatchDecisionSchema } from "~/schemas/cross-district-match";
import { requireUserWithPermission } from "~/services/auth.server";
import { requestStateRefresh } from "~/services/state-refresh.server";
import { crossMatchesFor, decideCrossMatchFor, type CrossMatch } from "~/services/linkage.server";

export const meta: MetaFunction = () => [{ title: "Matches in other districts · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:restricted-fields");
  const db = getDb();
  return { matches: crossMatchesFor(db, user.collectiveId), timeZone: getCollective(db, user.collectiveId).timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const form = parseForm(crossMatchDecisionSchema, await readForm(request));
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const db = getDb();
  decideCrossMatchFor(db, user, form.data.sideId, form.data.decision);
  void requestStateRefresh(db);
  return { errors: {} as Record<string, string> };
}

const kindWords = { victim: "Possible re-trafficked victim", accused: "Possible repeat accused" } as const;

function Contact({ match }: { match: CrossMatch }) {
  const c = match.contact;
  if (!c) return <span className="muted">No secretariat seat holder is recorded in {match.otherCollective}.</span>;
  return (
    <>
      {c.officerName}, {c.designation} ({c.department}): <a href={`mailto:${c.email}`}>{c.email}</a>
      {c.phone ? <>, {c.phone}</> : null}
    </>
  );
}

export default function Linkage() {
  const { matches, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>Matches in other districts</h1>
      <p className="muted">
        The same accused person or victim, by the fingerprints of her or his identity record, on a case of another
        district. You see only the other district, its case code and stage, and whom to call there; they see the same of
        yours. Speak to them, then confirm or dismiss on your side: each district decides on its own, and each decision
        is in the audit log. The state counts a match once both districts have confirmed it.
      </p>
      {result?.errors.form || result?.errors.decision || result?.errors.sideId ? (
        <p className="error" role="alert">
          {result.errors.form ?? result.errors.decision ?? result.errors.sideId}
        </p>
      ) : null}
      {matches.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Possible matches with cases of other districts</caption>
            <thead>
              <tr>
                <th scope="col">Your case</th>
                <th scope="col">What</th>
                <th scope="col">Other district</th>
                <th scope="col">Its case and stage</th>
                <th scope="col">Its secretariat</th>
                <th scope="col">Your decision</th>
              </tr>
            </thead>
            <tbody>
              {matches.map((m) => (
                <tr key={m.sideId}>
                  <th scope="row">
                    <Link to={`/cases/${m.caseId}`}>{m.caseCode}</Link>
                  </th>
                  <td>
                    {kindWords[m.kind]}
                    <div className="muted">found {formatDateTime(m.foundAt, timeZone)}</div>
                  </td>
                  <td>{m.otherCollective}</td>
                  <td>
                    {m.otherCaseCode}, {stageLabels[m.otherStage] ?? m.otherStage}
                  </td>
                  <td>
                    <Contact match={m} />
                  </td>
                  <td>
                    {m.status === "pending" ? (
                      <div className="actions">
                        {(["confirmed", "dismissed"] as const).map((decision) => (
                          <Form method="post" key={decision} className="inline-form">
                            <input type="hidden" name="sideId" value={m.sideId} />
                            <input type="hidden" name="decision" value={decision} />
                            <button type="submit" className="button button--small button--quiet">
                              {decision === "confirmed" ? "Confirm" : "Dismiss"}
                              <span className="visually-hidden">
                                {" "}
                                the match of {m.caseCode} with {m.otherCaseCode}
                              </span>
                            </button>
                          </Form>
                        ))}
                      </div>
                    ) : (
                      <span className={`badge ${m.status === "confirmed" ? "badge--danger" : "badge--closed"}`}>
                        {m.status === "confirmed" ? "Confirmed" : "Dismissed"}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No case of this collective matches a case of another district.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
