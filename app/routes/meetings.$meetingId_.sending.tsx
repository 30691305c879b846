import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { usePoll } from "~/components/use-poll";
import { getDb } from "~/db.server";
import { can } from "~/lib/permissions";
import { getMeeting } from "~/models/meeting.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { batchProgress } from "~/services/meeting-mail.server";
import { plural } from "~/lib/plural";
import { idParam, invariantResponse } from "~/lib/params";

export const meta: MetaFunction = () => [{ title: "Sending · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const batch = new URL(request.url).searchParams.get("batch") ?? "";
  invariantResponse(batch.startsWith(`meeting:${meeting.id}:`), "There is no such send-out for this meeting.", {
    status: 404,
  });
  return {
    meeting: { id: meeting.id, number: meeting.number },
    batch,
    progress: batchProgress(db, batch),
    canSeeOutbox: can(user.role, "read:outbox"),
  };
}

/** Progress of a send-out. With JavaScript it refreshes itself; without, the page has a refresh link. */
export default function Sending() {
  const { meeting, batch, progress, canSeeOutbox } = useLoaderData<typeof loader>();
  const done = progress.pending === 0;
  usePoll(!done);
  const finished = progress.sent + progress.failed;
  return (
    <div className="page page--narrow">
      <h1>Sending for Meeting {meeting.number}</h1>
      <div className="card" role="status" aria-live="polite">
        <progress max={Math.max(progress.total, 1)} value={finished} aria-label="Emails handled">
          {finished} of {progress.total}
        </progress>
        <p>
          <strong>
            {progress.sent} of {plural(progress.total, "email", "emails")} delivered
          </strong>
          {progress.pending ? `, ${progress.pending} waiting` : ""}
          {progress.failed ? `, ${progress.failed} failed` : ""}.
        </p>
        {done ? (
          <p>
            {progress.failed
              ? "Some messages failed after every retry; the administrator can retry them from the Outbox."
              : "Every seat holder's email has gone."}
          </p>
        ) : (
          <p className="muted">
            Messages that cannot be delivered now are retried automatically; nothing is sent twice.{" "}
            {/* The batch names the send-out: a refresh without it would be a 404. */}
            <Link to={`?batch=${encodeURIComponent(batch)}`}>Refresh</Link>
          </p>
        )}
      </div>
      <p className="actions">
        <Link to={`/meetings/${meeting.id}`}>Back to the meeting</Link>
        {canSeeOutbox ? <Link to="/outbox">Open the Outbox</Link> : null}
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
