import { Link } from "@remix-run/react";
import { ActionStatus } from "./action-status";

type Decisions = {
  actions: {
    id: number;
    description: string;
    department: string;
    due: string;
    status: string;
    meetingNumber: number | null;
    overdue: boolean;
    escalated: boolean;
  }[];
  meetings: {
    meetingId: number;
    meetingNumber: number;
    date: string;
    minutes: string;
    items: { title: string; status: string; decisions: string; discussion: string }[];
  }[];
  ownDepartmentOnly: boolean;
};

/** What the collective agreed about the case: its action items, then each meeting's decisions, newest first. */
export function CaseDecisions({ decisions }: { decisions: Decisions }) {
  return (
    <section className="card case-decisions" aria-labelledby="decided">
      <h2 id="decided">What the collective decided</h2>
      <h3>Action items</h3>
      {decisions.ownDepartmentOnly ? <p className="muted">Your department's action items on this case.</p> : null}
      {decisions.actions.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Department</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Agreed at</th>
              </tr>
            </thead>
            <tbody>
              {decisions.actions.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/actions/${a.id}`}>{a.description}</Link>
                  </td>
                  <td>{a.department}</td>
                  <td className="nowrap">{a.due}</td>
                  <td>
                    <ActionStatus status={a.status} overdue={a.overdue} escalated={a.escalated} />
                  </td>
                  <td>{a.meetingNumber ? `Meeting ${a.meetingNumber}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No action item has been agreed on this case.</p>
      )}
      <h3>Decisions in the minutes</h3>
      {decisions.meetings.length ? (
        <ul className="case-decisions__meetings">
          {decisions.meetings.map((m) => (
            <li key={m.meetingId}>
              <p>
                <strong>
                  <Link to={`/meetings/${m.meetingId}/minutes`}>Meeting {m.meetingNumber}</Link>, {m.date}
                </strong>{" "}
                <span className="muted">({m.minutes})</span>
              </p>
              {m.items.map((i) => (
                <div key={i.title}>
                  <p className="muted">
                    {i.title} · {i.status}
                  </p>
                  {i.decisions ? <p>Decisions: {i.decisions}</p> : null}
                  {i.discussion ? <p>Discussion: {i.discussion}</p> : null}
                </div>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No meeting's minutes record a discussion of this case yet.</p>
      )}
    </section>
  );
}
