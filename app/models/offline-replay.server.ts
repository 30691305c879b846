import { and, eq } from "drizzle-orm";
import type { Conn } from "#db/client";
import { offlineReplays } from "#db/schema";

export type ReplayKey = { userId: number; id: string; meetingId: number };

/** The answer a replayed save got the first time, if it reached the server before. */
export function replayAnswer(db: Conn, key: ReplayKey): string | undefined {
  return db
    .select({ answer: offlineReplays.answer })
    .from(offlineReplays)
    .where(
      and(
        eq(offlineReplays.userId, key.userId),
        eq(offlineReplays.id, key.id),
        eq(offlineReplays.meetingId, key.meetingId),
      ),
    )
    .get()?.answer;
}

export function rememberReplay(db: Conn, key: ReplayKey, answer: string) {
  db.insert(offlineReplays)
    .values({ ...key, answer })
    .run();
}
