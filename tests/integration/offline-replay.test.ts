import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, agendaItems, departments, meetings, offlineReplays } from "#db/schema";
import { getDb } from "~/db.server";
import { action as runAction } from "~/routes/meetings.$meetingId_.run";
import { cookieFor, postRequest, run } from "../support/remix";

// A save kept on a device while offline comes back with a replay id. A replay that reached the
// server but whose answer was lost is sent again: it gets the first answer and changes nothing more.
let secretariat: string;
let meeting: typeof meetings.$inferSelect;
let item: typeof agendaItems.$inferSelect;
let police: number;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  meeting = getDb().select().from(meetings).where(eq(meetings.status, "planned")).get()!;
  item = getDb()
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .all()
    .find((i) => !i.forWrittenUpdate && !i.removed)!;
  police = getDb().select().from(departments).where(eq(departments.kind, "police")).get()!.id;
});

const post = (body: Record<string, string>) =>
  run(() =>
    runAction({
      request: postRequest(`/meetings/${meeting.id}/run`, body, secretariat),
      params: { meetingId: String(meeting.id) },
      context: {},
    }),
  );
const actionsOfItem = () =>
  getDb().select({ n: count() }).from(actionItems).where(eq(actionItems.agendaItemId, item.id)).get()!.n;

describe("a replayed offline save", () => {
  it("is applied once: the same replay again gets the first answer and writes nothing", async () => {
    const save = {
      intent: "item",
      itemId: String(item.id),
      discussion: "Typed offline.",
      decisions: "",
      status: "discussed",
      minutesUsed: "7",
      version: String(item.version),
      replayId: "replay-item-0001",
    };
    const first = await post(save);
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ intent: "item", itemId: item.id, version: item.version + 1 });
    const again = await post(save);
    expect(again).toMatchObject({ status: 200, data: first.data });
    expect(getDb().select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()).toMatchObject({
      discussion: "Typed offline.",
      version: item.version + 1,
    });
  });

  it("adds a new action item once, however often it is replayed", async () => {
    const before = actionsOfItem();
    const add = {
      intent: "add-action",
      agendaItemId: String(item.id),
      description: "File the reply to the bail application.",
      departmentId: String(police),
      dueOn: meeting.startsAt.slice(0, 10),
      caseId: "",
      replayId: "replay-action-0001",
    };
    expect((await post(add)).status).toBe(200);
    expect((await post(add)).status).toBe(200);
    expect(actionsOfItem()).toBe(before + 1);
  });

  it("goes through the same checks: an overtaken version is a conflict, and nothing is remembered", async () => {
    const stale = {
      intent: "item",
      itemId: String(item.id),
      discussion: "Mine, from an old page.",
      decisions: "",
      status: "",
      minutesUsed: "",
      version: String(item.version),
      replayId: "replay-item-0002",
    };
    const res = await post(stale);
    expect(res.status).toBe(409);
    expect(res.data.conflict).toMatchObject({ discussion: "Typed offline." });
    expect(getDb().select().from(offlineReplays).where(eq(offlineReplays.id, "replay-item-0002")).all()).toHaveLength(
      0,
    );
  });
});
