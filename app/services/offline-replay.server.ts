import type { Conn, Db } from "#db/client";
import { rememberReplay, replayAnswer, type ReplayKey } from "~/models/offline-replay.server";

// A save kept on the device while offline carries a random id. The server remembers the ids it
// applied, with their answers, so a replay that arrived but whose answer never got back (the link
// dropped again) is answered the same way the second time and not applied twice.

const replayId = /^[A-Za-z0-9-]{8,64}$/;

/** The replay a form carries (its `replayId`), or null for an ordinary save. */
export function replayOf(formData: FormData, userId: number, meetingId: number): ReplayKey | null {
  const id = formData.get("replayId");
  return typeof id === "string" && replayId.test(id) ? { userId, id, meetingId } : null;
}

/** The answer this replay got before, if it was applied already. */
export function answeredBefore(db: Conn, replay: ReplayKey | null): Record<string, unknown> | null {
  const answer = replay && replayAnswer(db, replay);
  return answer ? (JSON.parse(answer) as Record<string, unknown>) : null;
}

/**
 * Makes a change and, for a replay that succeeded, remembers its answer in the same transaction:
 * the change and the memory of it are written together or not at all.
 */
export function applyOnce<T>(
  db: Db,
  replay: ReplayKey | null,
  change: (tx: Conn) => T,
  answerFor: (result: T) => Record<string, unknown> | null,
): T {
  return db.transaction((tx) => {
    const result = change(tx);
    const answer = replay ? answerFor(result) : null;
    if (replay && answer) rememberReplay(tx, replay, JSON.stringify(answer));
    return result;
  });
}
