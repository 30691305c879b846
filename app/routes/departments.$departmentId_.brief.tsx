import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { levelWords } from "~/lib/accountability";
import { aboutTheCollective, glossary } from "~/lib/brief-text";
import { formatDate } from "~/lib/dates";
import { idParam } from "~/lib/params";
import { requireDepartment } from "~/models/department.server";
import { maskForReader } from "~/services/page-mask.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { buildBrief } from "~/services/brief.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Onboarding brief: ${data?.brief.department.name ?? ""} · TESTA Desk` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departmentId = idParam(params, "departmentId");
  const user = await requireUserWithPermission(request, "read:brief:own", { departmentId });
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, departmentId);
  return maskForReader(db, user, { brief: buildBrief(db, user.collectiveId, department.id) });
}

export default function Brief() {
  const { brief: b } = useLoaderData<typeof loader>();
  return (
    <article className="brief">
      <p className="no-print">
        <Link to={`/departments/${b.department.id}`}>{b.department.name}</Link> ·{" "}
        <a href={`/departments/${b.department.id}/brief.pdf`}>Download as PDF</a>
      </p>
      <h1>Onboarding brief: {b.department.name}</h1>
      {b.holder ? (
        <p className="muted">
          For {b.holder.officer}, {b.holder.designation}. About ten minutes to read.
        </p>
      ) : null}
      <section aria-labelledby="s1">
        <h2 id="s1">1. The collective and your seat</h2>
        {aboutTheCollective.map((p) => (
          <p key={p.slice(0, 20)}>{p}</p>
        ))}
      </section>
      <section aria-labelledby="s2">
        <h2 id="s2">2. Your department's role</h2>
        <p>{b.roleSummary}</p>
      </section>
      <section aria-labelledby="s3">
        <h2 id="s3">3. Open action items</h2>
        {b.actions.length ? (
          <ul>
            {b.actions.map((a, i) => (
              <li key={i}>
                <strong>{a.description}</strong>
                {a.caseCode ? ` (${a.caseCode})` : ""}, due {a.due}
                {a.overdue ? <span className="badge badge--danger">Overdue</span> : null}
                <div className="muted">{a.history}</div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">None: the department has no unfinished action item.</p>
        )}
      </section>
      <section aria-labelledby="s4">
        <h2 id="s4">4. Cases your department is involved in</h2>
        {b.cases.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Next date</th>
                  <th scope="col">Your role</th>
                </tr>
              </thead>
              <tbody>
                {b.cases.map((c) => (
                  <tr key={c.code}>
                    <th scope="row" className="nowrap">
                      {c.code}
                    </th>
                    <td>{c.stage}</td>
                    <td>{c.nextDate}</td>
                    <td>{c.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">No open case involves the department.</p>
        )}
      </section>
      <section aria-labelledby="s5">
        <h2 id="s5">5. Decisions of the last three meetings that concern you</h2>
        {b.decisions.length ? (
          <ul>
            {b.decisions.map((d, i) => (
              <li key={i}>
                <strong>
                  {d.meeting}, {d.item}:
                </strong>{" "}
                {d.decisions}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No decision in the last three meetings concerned the department.</p>
        )}
      </section>
      <section aria-labelledby="s6">
        <h2 id="s6">6. Accountability, by tenure</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Officer</th>
                <th scope="col">Meetings attended</th>
                <th scope="col">Done on time</th>
                <th scope="col">Done late</th>
                <th scope="col">Overdue</th>
                <th scope="col">Engagement</th>
              </tr>
            </thead>
            <tbody>
              {b.accountability.map((r) => (
                <tr key={r.tenure?.id ?? 0}>
                  <th scope="row">
                    {r.tenure?.officerName}{" "}
                    <span className="muted">
                      (
                      {r.tenure
                        ? `${formatDate(r.tenure.from)} – ${r.tenure.to ? formatDate(r.tenure.to) : "now"}`
                        : ""}
                      )
                    </span>
                  </th>
                  <td>
                    {r.attended} of {r.meetingsHeld}
                  </td>
                  <td>{r.doneOnTime}</td>
                  <td>{r.doneLate}</td>
                  <td>{r.overdue}</td>
                  <td>
                    {r.level}: {levelWords[r.level]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="s7">
        <h2 id="s7">7. The other seats</h2>
        <ul>
          {b.seats.map((s) => (
            <li key={s.department}>
              <strong>{s.department}</strong>: {s.officer}, {s.designation}. <a href={`mailto:${s.email}`}>{s.email}</a>
              {s.phone ? `, ${s.phone}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="s8">
        <h2 id="s8">8. The next meeting</h2>
        {b.nextMeeting ? (
          <p>
            Meeting {b.nextMeeting.number}: {b.nextMeeting.when}
            {b.nextMeeting.venue ? `, ${b.nextMeeting.venue}` : ""}.{" "}
            <a href={b.nextMeeting.inviteUrl}>Add it to your calendar</a>.
          </p>
        ) : (
          <p className="muted">The next meeting has not been scheduled yet.</p>
        )}
      </section>
      <section aria-labelledby="s9">
        <h2 id="s9">9. Glossary</h2>
        <dl className="facts">
          {glossary.map(([term, meaning]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt>{term}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
