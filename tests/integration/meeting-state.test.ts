import type { ActionFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agendaItems, auditLog, mailOutbox, meetings } from "#db/schema";
import { getDb } from "~/db.server";
import { action as meetingAction } from "~/routes/meetings.$meetingId";
import { action as cancelAction } from "~/routes/meetings.$meetingId_.cancel";
import { action as publishAction } from "~/routes/meetings.$meetingId_.publish";
import { action as rescheduleAction } from "~/routes/meetings.$meetingId_.reschedule";
import { cookieFor, postRequest, run } from "../support/remix";

// A meeting that is over (held) or cancelled takes no more changes to its agenda, time or status:
// every page that could change one says so with a 409, and nothing is written.

let secretariat: string;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
});

type Post = (args: ActionFunctionArgs) => Promise<unknown>;
const post = (action: Post, path: string, id: number, body: Record<string, string>) =>
  run(() => action({ request: postRequest(path, body, secretariat), params: { meetingId: String(id) }, context: {} }));

const held = () => getDb().select().from(meetings).where(eq(meetings.status, "held")).get()!;
/** The demo's upcoming meeting, cancelled the way the database keeps it. */
const cancelled = () => {
  const db = getDb();
  const planned = db.select().from(meetings).where(eq(meetings.status, "planned")).get();
  if (planned) db.update(meetings).set({ status: "cancelled" }).where(eq(meetings.id, planned.id)).run();
  return db.select().from(meetings).where(eq(meetings.status, "cancelled")).get()!;
};

/** Everything a refused change could have touched. */
const written = (meetingId: number) => ({
  meeting: getDb().select().from(meetings).where(eq(meetings.id, meetingId)).get(),
  items: getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all(),
  mail: getDb().select().from(mailOutbox).all().length,
  audit: getDb().select().from(auditLog).all().length,
});

describe.each([
  ["held", held],
  ["cancelled", cancelled],
])("a %s meeting", (_state, meetingOf) => {
  it("cannot be published, rescheduled or cancelled, and its agenda cannot change", async () => {
    const meeting = meetingOf();
    const id = meeting.id;
    const item = getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, id)).get();
    const before = written(id);
    const version = String(meeting.version);

    const publish = await post(publishAction, `/meetings/${id}/publish`, id, { version });
    expect(publish.status).toBe(409);
    expect(publish.data.error).toBe("This meeting is over or cancelled; its agenda cannot be published.");

    const reschedule = await post(rescheduleAction, `/meetings/${id}/reschedule`, id, {
      date: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      startTime: "11:00",
      durationMinutes: "120",
      venue: "Conference Hall 2",
      version,
    });
    expect(reschedule.status).toBe(409);
    expect(reschedule.data.errors.form).toBe("This meeting is over or cancelled and cannot be rescheduled.");
    expect(reschedule.data.values.venue).toBe("Conference Hall 2");

    const cancel = await post(cancelAction, `/meetings/${id}/cancel`, id, { confirm: "on", reason: "", version });
    expect(cancel.status).toBe(409);
    expect(cancel.data.errors.form).toBe("This meeting is already over or cancelled.");

    const edits: Record<string, string>[] = [
      { intent: "regenerate" },
      { intent: "add", title: "A matter", minutes: "10", presentingDepartmentId: "" },
      ...(item ? [{ intent: "remove", itemId: String(item.id) }] : []),
    ];
    for (const body of edits) {
      const edit = await post(meetingAction, `/meetings/${id}`, id, body);
      expect(edit.status).toBe(409);
      expect(edit.data.errors.form).toBe("This meeting is over or cancelled; its agenda can no longer change.");
    }

    expect(written(id)).toEqual(before);
  });

  it("still says a stale or bad form is one (the form is read first)", async () => {
    const meeting = meetingOf();
    const id = meeting.id;
    const bad = await post(rescheduleAction, `/meetings/${id}/reschedule`, id, {
      date: "2027-02-30",
      startTime: "11:00",
      durationMinutes: "120",
      venue: "Hall",
      version: String(meeting.version),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.date).toBe("Date must be a real date (day/month/year).");
    const unconfirmed = await post(cancelAction, `/meetings/${id}/cancel`, id, { version: String(meeting.version) });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors.confirm).toBe("Tick the box to confirm the cancellation.");
  });
});
