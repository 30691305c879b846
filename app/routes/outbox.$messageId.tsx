import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MailPreview } from "~/components/mail-preview";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { can } from "~/lib/permissions";
import { idParam } from "~/lib/params";
import { audit } from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";
import { getOutboxMessage, hideSetPasswordLinks, retryFailed, storedAttachments } from "~/models/outbox.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { wakeMailSender } from "~/services/mail.server";

export const meta: MetaFunction = () => [{ title: "Message · Outbox · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const db = getDb();
  const row = getOutboxMessage(db, user.collectiveId, idParam(params, "messageId"));
  const { timeZone } = getCollective(db, user.collectiveId);
  const showLinks = can(user.role, "manage:departments");
  return {
    message: {
      id: row.id,
      to: row.toAddress,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      smtpAccepted: row.smtpAccepted,
      createdAt: formatDateTime(row.createdAt, timeZone),
      sentAt: row.sentAt ? formatDateTime(row.sentAt, timeZone) : null,
      nextAttemptAt: row.status === "pending" ? formatDateTime(row.nextAttemptAt, timeZone) : null,
      text: showLinks ? row.text : hideSetPasswordLinks(row.text),
      html: showLinks ? row.html : hideSetPasswordLinks(row.html),
      invite: row.icalMethod,
      attachments: storedAttachments(row).map((a, index) => ({ index, filename: a.filename, size: a.content.length })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const db = getDb();
  const row = getOutboxMessage(db, user.collectiveId, idParam(params, "messageId"));
  const retried = db.transaction((tx) => {
    if (!retryFailed(tx, user.collectiveId, row.id)) return false;
    audit(tx, { collectiveId: user.collectiveId, userId: user.id, action: "retry", entity: "mail", entityId: row.id });
    return true;
  });
  if (retried) wakeMailSender();
  return redirect(`/outbox/${row.id}`);
}

export default function Message() {
  const { message: m } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/outbox">Outbox</Link>
      </p>
      <h1>{m.subject}</h1>
      <section className="card" aria-labelledby="delivery">
        <h2 id="delivery">Delivery</h2>
        <dl className="facts">
          <dt>To</dt>
          <dd>{m.to}</dd>
          <dt>Status</dt>
          <dd>
            <span
              className={`badge ${m.status === "sent" ? "badge--open" : m.status === "failed" ? "badge--danger" : "badge--warn"}`}
            >
              {m.status}
            </span>
          </dd>
          <dt>Attempts</dt>
          <dd>{m.attempts}</dd>
          <dt>Queued</dt>
          <dd>{m.createdAt}</dd>
          {m.sentAt ? (
            <>
              <dt>Sent</dt>
              <dd>{m.sentAt}</dd>
            </>
          ) : null}
          {m.nextAttemptAt ? (
            <>
              <dt>Next attempt</dt>
              <dd>{m.nextAttemptAt}</dd>
            </>
          ) : null}
          {m.smtpAccepted ? (
            <>
              <dt>Accepted by the mail server</dt>
              <dd className="mail-text">{m.smtpAccepted}</dd>
            </>
          ) : null}
          {m.lastError ? (
            <>
              <dt>Last error</dt>
              <dd className={`mail-text${m.status === "sent" ? "" : " field-error"}`}>{m.lastError}</dd>
            </>
          ) : null}
          <dt>Attached</dt>
          <dd>
            {m.attachments.map((a) => (
              <div key={a.index}>
                <a href={`/outbox/${m.id}/attachments/${a.index}`}>{a.filename}</a> ({Math.ceil(a.size / 1024)} KB)
              </div>
            ))}
            {m.invite ? <div>Calendar invitation ({m.invite === "CANCEL" ? "cancellation" : "request"})</div> : null}
            {!m.attachments.length && !m.invite ? "Nothing" : null}
          </dd>
        </dl>
        {m.status === "failed" ? (
          <Form method="post" className="actions">
            <span>Delivery gave up after {m.attempts} attempts.</span>
            <button type="submit" className="button">
              Retry now
            </button>
          </Form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="text">
        <h2 id="text">Text</h2>
        <pre className="mail-text">{m.text}</pre>
      </section>
      <section className="card" aria-labelledby="html">
        <h2 id="html">As it looks</h2>
        <MailPreview html={m.html} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
