import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { byIntent, readForm } from "~/lib/forms";
import { parseId } from "~/lib/params";
import { getCollective } from "~/models/collective.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { latestScan, redactFrozen, rescan } from "~/services/redaction.server";

export const meta: MetaFunction = () => [{ title: "Needs redaction · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:restricted-fields");
  const db = getDb();
  const scan = latestScan(db, user.collectiveId);
  const url = new URL(request.url);
  return {
    at: formatDateTime(scan.at, getCollective(db, user.collectiveId).timeZone),
    findings: scan.findings,
    redacted: url.searchParams.get("redacted"),
  };
}

const kinds = { "minutes-version": "minutes-version", "agenda-version": "agenda-version" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:restricted-fields");
  const db = getDb();
  const form = await readForm(request);
  if (form.get("intent") === "redact") {
    const kind = byIntent(kinds, form.get("kind"));
    const id = parseId(form.get("id")?.toString());
    const done = kind && id !== null ? redactFrozen(db, user, kind, id) : null;
    if (!done) return data({ error: "That version is not part of this collective. Reload the page." }, { status: 404 });
    rescan(db, user.collectiveId, user.id);
    return redirect(`/redaction?redacted=${encodeURIComponent(`version ${done.version}`)}`);
  }
  rescan(db, user.collectiveId, user.id);
  return redirect("/redaction");
}

export default function NeedsRedaction() {
  const { at, findings, redacted } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <div>
      <h1>Needs redaction</h1>
      <p className="muted">
        Stored texts that now hold a protected name, place, number or FIR, for example written before the name was
        recorded as protected. Representatives and observers see each match as “[protected]”, and no document carrying
        one is sent. Correct each where it was written; a frozen version or an amendment, which cannot be edited, is
        redacted here: each match becomes “[redacted]”, recorded in the audit log and the minutes' history.
      </p>
      {redacted ? (
        <div className="notice" role="status">
          Redacted {redacted}.
        </div>
      ) : null}
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="scan" />
        <span>Last scanned {at} (every day, and when you ask).</span>
        <button type="submit" className="button button--quiet" disabled={busy}>
          {busy ? "Scanning…" : "Scan now"}
        </button>
      </Form>
      {findings.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Stored texts that need redaction</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Text (match hidden)</th>
                <th scope="col">Fix</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={`${f.where}|${f.fixUrl}`}>
                  <td>{f.where}</td>
                  <td className="mail-text">{f.excerpt}</td>
                  <td>
                    {f.redact ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="redact" />
                        <input type="hidden" name="kind" value={f.redact.kind} />
                        <input type="hidden" name="id" value={f.redact.id} />
                        <button type="submit" className="button button--small">
                          Redact {f.where}
                        </button>
                      </Form>
                    ) : (
                      <Link to={f.fixUrl}>Correct {f.where}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">Nothing stored needs redaction.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
