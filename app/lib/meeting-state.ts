// The life of a meeting: planned → agenda published → held, or cancelled before it is held.
// A pure rule book, beside minutes-state.ts: each service that changes a meeting asks it first and
// throws its refusal, a MeetingConflict, which every page already answers in words (a 409).
import type { MeetingStatus } from "#db/schema/enums";

/** A change the meeting as it stands refuses; `status` is 409 but for an incomplete request (400). */
export class MeetingConflict extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 = 409,
  ) {
    super(message);
  }
}

/** What the secretariat can do to a meeting before it is held. */
export type MeetingChange = "publish" | "reschedule" | "cancel" | "edit-agenda";

const overMessage: Record<MeetingChange, string> = {
  publish: "This meeting is over or cancelled; its agenda cannot be published.",
  reschedule: "This meeting is over or cancelled and cannot be rescheduled.",
  cancel: "This meeting is already over or cancelled.",
  "edit-agenda": "This meeting is over or cancelled; its agenda can no longer change.",
};

const staleMessage: Record<Exclude<MeetingChange, "edit-agenda">, string> = {
  publish: "The meeting changed since you opened this page. Look at the agenda again before publishing.",
  reschedule: "Someone else changed this meeting while you were editing. Reload the page to see their change.",
  cancel: "The meeting changed since you opened this page. Look at it again before cancelling.",
};

/** Held or cancelled: its agenda, time and status are settled (its minutes follow their own rules). */
export function isMeetingOver(meeting: { status: MeetingStatus }): boolean {
  return meeting.status === "held" || meeting.status === "cancelled";
}

/** Refuses a change to a meeting that is over. */
export function assertMeetingOpen(meeting: { status: MeetingStatus }, change: MeetingChange): void {
  if (isMeetingOver(meeting)) throw new MeetingConflict(overMessage[change]);
}

/**
 * Refuses a change asked from a page loaded at another version of the meeting: someone changed it
 * since, and the person should see that first. (`NaN`, a missing version, is stale too.)
 */
export function assertMeetingUnchanged(
  meeting: { version: number },
  formVersion: number,
  change: Exclude<MeetingChange, "edit-agenda">,
): void {
  if (formVersion !== meeting.version) throw new MeetingConflict(staleMessage[change]);
}

/** An agenda is sent with something on it. */
export function assertAgendaNotEmpty(itemCount: number): void {
  if (itemCount === 0) throw new MeetingConflict("The agenda is empty. Regenerate it or add an item first.", 400);
}
