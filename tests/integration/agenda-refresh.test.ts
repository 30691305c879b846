import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, agendaItems, meetings } from "#db/schema";
import { getDb } from "~/db.server";
import { loader as pdfLoader } from "~/routes/meetings.$meetingId.agenda[.]pdf";
import { loader as meetingLoader } from "~/routes/meetings.$meetingId";
import { loader as publishLoader } from "~/routes/meetings.$meetingId_.publish";
import { action as itemAction } from "~/routes/actions.$actionId";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

// A draft agenda's standing items change when the facts under them change (a POST), never on a GET.

let secretariat: string;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
});

const draft = () => getDb().select().from(meetings).where(eq(meetings.status, "planned")).get()!;
const review = (meetingId: number) =>
  getDb()
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.kind, "action_review")))
    .get()!;
const agendaState = (meetingId: number) => ({
  meeting: getDb().select().from(meetings).where(eq(meetings.id, meetingId)).get(),
  items: getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all(),
});

describe("a draft agenda's standing items", () => {
  it("follow an action item marked done at once, and the meeting page then says so once per browser", async () => {
    const meeting = draft();
    const before = review(meeting.id);
    const item = getDb()
      .select()
      .from(actionItems)
      .where(inArray(actionItems.status, ["open", "in_progress"]))
      .all()
      .find((a) => before.reasons.includes(a.description))!;
    expect(item).toBeDefined();
    const res = await run(() =>
      itemAction({
        request: postRequest(
          `/actions/${item.id}`,
          {
            status: "done",
            reason: "",
            comment: "Filed on time",
            dueOn: item.dueOn,
            currentDueOn: item.dueOn,
            dueReason: "",
            version: String(item.version),
          },
          secretariat,
        ),
        params: { actionId: String(item.id) },
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    expect(review(meeting.id).reasons).not.toContain(item.description);
    const after = draft();
    expect(after.version).toBeGreaterThan(meeting.version);
    expect(after.standingRefreshedAt).not.toBeNull();

    const first = await run(() =>
      meetingLoader({
        request: getRequest(`/meetings/${meeting.id}`, secretariat),
        params: { meetingId: String(meeting.id) },
        context: {},
      }),
    );
    expect(first.data.refreshed).toBe(true);
    const seen = first.headers.get("Set-Cookie")!.split(";")[0];
    const again = await run(() =>
      meetingLoader({
        request: getRequest(`/meetings/${meeting.id}`, `${secretariat}; ${seen}`),
        params: { meetingId: String(meeting.id) },
        context: {},
      }),
    );
    expect(again.data.refreshed).toBe(false);
  });

  it("are never written by showing the meeting page, the publish page or the draft PDF", async () => {
    const meeting = draft();
    // Stale on purpose: the action review as it stood before anything was agreed.
    getDb()
      .update(agendaItems)
      .set({ reasons: JSON.stringify(["stale"]) })
      .where(eq(agendaItems.id, review(meeting.id).id))
      .run();
    const before = agendaState(meeting.id);
    const params = { meetingId: String(meeting.id) };
    expect(
      (
        await run(() =>
          meetingLoader({ request: getRequest(`/meetings/${meeting.id}`, secretariat), params, context: {} }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await run(() =>
          publishLoader({ request: getRequest(`/meetings/${meeting.id}/publish`, secretariat), params, context: {} }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await run(() =>
          pdfLoader({ request: getRequest(`/meetings/${meeting.id}/agenda.pdf`, secretariat), params, context: {} }),
        )
      ).status,
    ).toBe(200);
    expect(agendaState(meeting.id)).toEqual(before);
  });
});
