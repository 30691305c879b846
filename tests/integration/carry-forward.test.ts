// Carry forward, as the next agenda shows it: work agreed at an earlier meeting and still
// unfinished is carried to this one once more; twice carried, it is escalated.
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionItems, departments, meetings } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays } from "~/lib/dates";
import { agendaContextFor } from "~/services/agenda.server";
import { testToday } from "../support/constants";
import { must } from "../support/present";

describe("the next agenda's review of action items", () => {
  it("counts the coming meeting as a carry, and escalates an item carried twice", () => {
    const db = getDb();
    const held = db.select().from(meetings).where(eq(meetings.status, "held")).orderBy(desc(meetings.startsAt)).all();
    const [last, beforeLast] = [must(held[0], "the last meeting held"), must(held[1], "the one before")];
    const police = db
      .select()
      .from(departments)
      .where(and(eq(departments.kind, "police")))
      .get()!;
    const agreed = (meetingId: number, description: string) =>
      db
        .insert(actionItems)
        .values({
          collectiveId: police.collectiveId,
          departmentId: police.id,
          meetingId,
          description,
          dueOn: addDays(testToday, 60),
          status: "open",
        })
        .run();
    agreed(last.id, "Canary task agreed last month");
    agreed(beforeLast.id, "Canary task agreed two months ago");
    const upcoming = db.select().from(meetings).where(eq(meetings.status, "planned")).get()!;
    const { ctx } = agendaContextFor(db, upcoming);
    const line = (d: string) => ctx.actionReview.lines!.find((l) => l.includes(d))!;
    expect(line("agreed last month")).toContain("carried 1 meeting");
    expect(line("agreed two months ago")).toContain("carried 2 meetings");
    expect(ctx.escalationLines!.some((l) => l.includes("agreed two months ago"))).toBe(true);
    expect(ctx.escalationLines!.some((l) => l.includes("agreed last month"))).toBe(false);
  });
});
