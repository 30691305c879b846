import type { Conn } from "#db/client";
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
