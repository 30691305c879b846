import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { getCollective } from "~/models/meeting.server";
import { listOutbox } from "~/models/outbox.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Outbox · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const db = getDb();
  const { timeZone } = getCollective(db, user.collectiveId);
  const pageParam = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const { rows, total, pages } = listOutbox(db, user.collectiveId, page);
  return {
    page,
    pages,
    total,
    rows: rows.map((r) => ({
      ...r,
      createdAt: formatDateTime(r.createdAt, timeZone),
      sentAt: r.sentAt ? formatDateTime(r.sentAt, timeZone) : null,
      nextAttemptAt: r.status === "pending" ? formatDateTime(r.nextAttemptAt, timeZone) : null,
    })),
  };
}

const statusBadge: Record<string, string> = { sent: "badge--open", pending: "badge--warn", failed: "badge--danger" };

export default function Outbox() {
  const { rows, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Outbox</h1>
      <p className="muted">
        Every email the desk sends goes through here first. Failed deliveries are retried automatically; after the last attempt a
        message is marked failed and can be retried from its page. {total} messages.
      </p>
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Attempts</th>
                <th scope="col">Queued</th>
                <th scope="col">Sent / next try</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <span className={`badge ${statusBadge[r.status]}`}>{r.status}</span>
                  </td>
                  <td>{r.to}</td>
                  <td>
                    <Link to={`/outbox/${r.id}`}>{r.subject}</Link>
                    {r.lastError && r.status !== "sent" ? <div className="field-error">{r.lastError}</div> : null}
                  </td>
                  <td>{r.attempts}</td>
                  <td>{r.createdAt}</td>
                  <td>{r.sentAt ?? (r.nextAttemptAt ? `next try ${r.nextAttemptAt}` : "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No email has been sent yet. Publishing an agenda sends one to every seat holder.</p>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="actions">
          {page > 1 ? <Link to={`?page=${page - 1}`}>← Newer</Link> : null}
          {page < pages ? <Link to={`?page=${page + 1}`}>Older →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
