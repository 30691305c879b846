import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, auditLog, meetings, minutesVersions } from "#db/schema";
import { getDb } from "~/db.server";
import { action as correctAction, loader as correctLoader } from "~/routes/actions.$actionId_.correct";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

// From circulation on, the minutes change only by an amendment: a correction of an action item,
// and dropping one, each freeze a new version with who moved it, audited as an amendment.

let secretariat: string;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
});

/** A meeting whose minutes are in that state, with open actions left to change. */
const meetingIn = (state: "circulated" | "confirmed") =>
  getDb()
    .select()
    .from(meetings)
    .where(eq(meetings.minutesState, state))
    .all()
    .find((m) => openActionOf(m.id, 1) !== undefined)!;
function openActionOf(meetingId: number, skip = 0) {
  return getDb()
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.meetingId, meetingId), inArray(actionItems.status, ["open", "in_progress"])))
    .all()[skip]!;
}
const versions = (meetingId: number) =>
  getDb().select().from(minutesVersions).where(eq(minutesVersions.meetingId, meetingId)).all();
const amendAudits = (meetingId: number) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "meeting"), eq(auditLog.entityId, meetingId), eq(auditLog.action, "amend:minutes")))
    .all().length;
const post = (id: number, body: Record<string, string>) =>
  run(() =>
    correctAction({
      request: postRequest(`/actions/${id}/correct`, body, secretariat),
      params: { actionId: String(id) },
      context: {},
    }),
  );
const correction = (a: typeof actionItems.$inferSelect, over: Record<string, string>) => ({
  intent: "correct",
  description: a.description,
  departmentId: String(a.departmentId),
  dueOn: a.dueOn,
  caseId: a.caseId ? String(a.caseId) : "",
  movedBy: "",
  version: String(a.version),
  ...over,
});

describe("circulated minutes", () => {
  it("say on the correction page that a change is an amendment", async () => {
    const meeting = meetingIn("circulated");
    const a = openActionOf(meeting.id);
    const page = await run(() =>
      correctLoader({
        request: getRequest(`/actions/${a.id}/correct`, secretariat),
        params: { actionId: String(a.id) },
        context: {},
      }),
    );
    expect(page.data.choices).toMatchObject({
      needsAmendment: true,
      settled: "circulated",
      meetingNumber: meeting.number,
    });
  });

  it("refuse a correction without who moved it, writing nothing, then record it as an amendment", async () => {
    const meeting = meetingIn("circulated");
    const a = openActionOf(meeting.id);
    const before = versions(meeting.id).length;
    const refused = await post(a.id, correction(a, { description: "Police to file the supplementary chargesheet" }));
    expect(refused.status).toBe(400);
    expect(refused.data.errors.movedBy).toBe(
      "These minutes are circulated: a correction is an amendment. Say who moved it.",
    );
    expect(refused.data.values.description).toBe("Police to file the supplementary chargesheet");
    expect(getDb().select().from(actionItems).where(eq(actionItems.id, a.id)).get()!.description).toBe(a.description);
    expect(versions(meeting.id)).toHaveLength(before);

    const audits = amendAudits(meeting.id);
    expect(
      (
        await post(
          a.id,
          correction(a, { description: "Police to file the supplementary chargesheet", movedBy: "Public Prosecutor" }),
        )
      ).status,
    ).toBe(302);
    const after = versions(meeting.id);
    expect(after).toHaveLength(before + 1);
    const latest = after.sort((x, y) => y.version - x.version)[0]!;
    expect(latest).toMatchObject({ state: "circulated", amendmentMovedBy: "Public Prosecutor" });
    expect(latest.amendmentText).toMatch(/^Action item corrected: Police to file the supplementary chargesheet/);
    expect(getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()!.minutesState).toBe("circulated");
    expect(amendAudits(meeting.id)).toBe(audits + 1);
  });
});

describe("dropping an action of circulated or confirmed minutes", () => {
  for (const state of ["circulated", "confirmed"] as const) {
    it(`is an amendment once the minutes are ${state}: refused without who moved it, then a new version naming the item by number`, async () => {
      const meeting = meetingIn(state);
      const a = openActionOf(meeting.id, 1);
      const before = versions(meeting.id).length;
      const refused = await post(a.id, {
        intent: "drop",
        reason: "Overtaken by the court's order",
        movedBy: "",
        version: String(a.version),
      });
      expect(refused.status).toBe(400);
      expect(refused.data.errors.movedBy).toBe(
        `These minutes are ${state}: dropping an action is an amendment. Say who moved it.`,
      );
      expect(refused.data.values.reason).toBe("Overtaken by the court's order");
      expect(getDb().select().from(actionItems).where(eq(actionItems.id, a.id)).get()!.status).toBe(a.status);

      const audits = amendAudits(meeting.id);
      expect(
        (
          await post(a.id, {
            intent: "drop",
            reason: "Overtaken by the court's order",
            movedBy: "DLSA",
            version: String(a.version),
          })
        ).status,
      ).toBe(302);
      expect(getDb().select().from(actionItems).where(eq(actionItems.id, a.id)).get()!.status).toBe("dropped");
      const latest = versions(meeting.id).sort((x, y) => y.version - x.version)[0]!;
      expect(versions(meeting.id)).toHaveLength(before + 1);
      expect(latest.amendmentText).toMatch(
        new RegExp(`^Action item ${a.id} \\(.+, due \\d{2}/\\d{2}/\\d{4}\\) dropped: Overtaken by the court's order$`),
      );
      expect(latest.amendmentMovedBy).toBe("DLSA");
      expect(latest.state).toBe(state === "circulated" ? "circulated" : "amended");
      expect(JSON.parse(latest.bodyJson).actions.map((x: { description: string }) => x.description)).not.toContain(
        a.description,
      );
      expect(amendAudits(meeting.id)).toBe(audits + 1);
    });
  }
});
