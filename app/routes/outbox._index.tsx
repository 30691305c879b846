import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/pager";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { getCollective } from "~/models/collective.server";
import { heldByGuard, listOutbox } from "~/models/outbox.server";
import { findingCount } from "~/services/redaction.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Outbox · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const db = getDb();
  const { timeZone } = getCollective(db, user.collectiveId);
  const { rows, total, page, pages } = listOutbox(
    db,
    user.collectiveId,
    Number(new URL(request.url).searchParams.get("page") ?? "1"),
  );
  return {
    held: heldByGuard(db, user.collectiveId).map((h) => ({ ...h, at: formatDateTime(h.at, timeZone) })),
    needsRedaction: findingCount(db, user.collectiveId),
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
  const { rows, total, page, pages, held, needsRedaction } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Outbox</h1>
      <p className="muted">
        Every email the desk sends goes through here first. Failed deliveries are retried automatically; after the last
        attempt a message is marked failed and can be retried from its page.
      </p>
      {held.length ? (
        <section className="card" aria-labelledby="held">
          <h2 id="held">Held back by the identity guard</h2>
          <p>
            These were not sent, because they would have carried a protected name or number. Correct the place named and
            send again
            {needsRedaction ? (
              <>
                {" "}
                (
                <Link to="/redaction">
                  {needsRedaction} stored text{needsRedaction === 1 ? "" : "s"} need redaction
                </Link>
                )
              </>
            ) : null}
            .
          </p>
          <ul>
            {held.map((h) => (
              <li key={h.id}>
                <strong>{h.at}</strong>: {h.document} was held: protected text in {h.field || "it"}.{" "}
                {h.fixUrl ? <Link to={h.fixUrl}>Correct it</Link> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rows.length ? (
        <>
          <p>
            {plural(total, "message", "messages")}
            {pages > 1 ? `, page ${page} of ${pages}` : ""}.
          </p>
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
                  <th scope="col">Sent</th>
                  <th scope="col">Next attempt</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={r.status === "failed" ? "row--failed" : undefined}>
                    <td>
                      <span className={`badge ${statusBadge[r.status]}`}>{r.status}</span>
                    </td>
                    <td>{r.to}</td>
                    <td>
                      <Link to={`/outbox/${r.id}`}>{r.subject}</Link>
                    </td>
                    <td>{r.attempts}</td>
                    <td>{r.createdAt}</td>
                    <td>{r.sentAt}</td>
                    <td>{r.nextAttemptAt}</td>
                    <td className={r.status === "sent" ? "muted" : "field-error"}>{r.lastError?.split("\n")[0]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="empty">No email has been sent yet. Publishing an agenda sends one to every seat holder.</p>
      )}
      <Pager page={page} pages={pages} previous="← Newer" next="Older →" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
