import type { MinutesDocument as Minutes } from "#templates/pdf/minutes";
import { itemStatusLabels } from "~/lib/labels";
import { minutesStatusLine } from "~/lib/minutes-state";

/** The minutes on screen, section for section as the PDF prints them; the page prints as a paper copy. */
export function MinutesDocument({ doc }: { doc: Minutes }) {
  return (
    <article className="card minutes-document" aria-labelledby="minutes-title">
      <p className="muted">
        {doc.collectiveName} stakeholder collective · {doc.district}, {doc.state}
      </p>
      <h2 id="minutes-title">Minutes: Meeting {doc.meetingNumber}</h2>
      <dl className="facts">
        <dt>When</dt>
        <dd>{doc.when}</dd>
        {doc.venue ? (
          <>
            <dt>Venue</dt>
            <dd>{doc.venue}</dd>
          </>
        ) : null}
        {doc.onlineLink ? (
          <>
            <dt>Online</dt>
            <dd>{doc.onlineLink}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>{minutesStatusLine(doc)}</dd>
      </dl>
      <h3>Attendance</h3>
      {doc.attendance.present.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col">Present</th>
              </tr>
            </thead>
            <tbody>
              {doc.attendance.present.map((p) => (
                <tr key={p.department}>
                  <td>{p.department}</td>
                  <td>
                    {p.name}, {p.designation}
                    {p.substitute ? " (substitute)" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No attendance recorded.</p>
      )}
      <p>Absent: {doc.attendance.absent.join("; ") || "none"}</p>
      <p>Excused: {doc.attendance.excused.join("; ") || "none"}</p>
      <h3>Proceedings</h3>
      <ol className="minutes-items">
        {doc.items.map((i) => (
          <li key={i.number}>
            <strong>{i.title}</strong> <span className="muted">({itemStatusLabels[i.status] ?? i.status})</span>
            {i.discussion ? <p className="pre-line">Discussion: {i.discussion}</p> : null}
            {i.decisions ? (
              <p className="pre-line">
                <strong>Decisions: {i.decisions}</strong>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <h3>Action items</h3>
      {doc.actions.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col">Action</th>
                <th scope="col">Case</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {doc.actions.map((a, n) => (
                <tr key={n}>
                  <td>{a.department}</td>
                  <td>{a.description}</td>
                  <td className="nowrap">{a.caseCode ?? ""}</td>
                  <td className="nowrap">{a.due}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No action item was agreed.</p>
      )}
      {doc.amendments.length ? (
        <>
          <h3>Amendments</h3>
          <ul>
            {doc.amendments.map((a, n) => (
              <li key={n}>
                {a.text} (moved by {a.movedBy})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Next meeting</h3>
      <p>{doc.nextMeeting ?? "To be scheduled."}</p>
    </article>
  );
}
