import { data, redirect } from "@remix-run/node";
import type { Conn } from "#db/client";
import type { FormValues } from "~/lib/forms";
import { MeetingConflict } from "~/lib/meeting-state";
import { auditLeakBlock, LeakBlocked } from "./identity.server";
import { MinutesRefused } from "./minutes.server";

/**
 * The message a person sees when a send-out is refused for a reason they can act on (someone
 * changed the meeting, the minutes' state forbids it, or protected text would leave the app), or
 * null for anything else, which the caller rethrows. Leak blocks are audited here, once.
 */
export function refusalMessage(db: Conn, user: { collectiveId: number; id: number }, error: unknown): string | null {
  if (error instanceof LeakBlocked) {
    auditLeakBlock(db, user, error);
    return error.message;
  }
  if (error instanceof MeetingConflict || error instanceof MinutesRefused) return error.message;
  return null;
}

/**
 * How a page answers a send-out it asked for (a cancellation, a new date): the send-out's progress
 * page, or the meeting when nobody was to be told; a refusal is said on the form (409), the input
 * kept. Anything else is rethrown.
 */
export async function answerSendOut(
  db: Conn,
  user: { collectiveId: number; id: number },
  { meetingId, values }: { meetingId: number; values: FormValues },
  send: () => { batch: string | null } | Promise<{ batch: string | null }>,
) {
  try {
    const { batch } = await send();
    return redirect(
      batch ? `/meetings/${meetingId}/sending?batch=${encodeURIComponent(batch)}` : `/meetings/${meetingId}`,
    );
  } catch (error) {
    const message = refusalMessage(db, user, error);
    if (!message) throw error;
    return data({ errors: { form: message }, values }, { status: 409 });
  }
}
