// What the canary suites share: recording a victim's name as protected (through the case page,
// as the secretariat does), the form a case is registered with, an action item to update and its form.
import { expect } from "vitest";
import { actionItems } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays } from "~/lib/dates";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$caseId";
import { getRequest, postRequest, run } from "./remix";

/** Records `name` as the identity of the case's first victim; the guard protects it from then on. */
export async function recordVictimName(caseId: number, name: string, secretariat: string) {
  const params = { caseId: String(caseId) };
  const view = (
    await run(() => caseLoader({ request: getRequest(`/cases/${caseId}`, secretariat), params, context: {} }))
  ).data;
  const posted = await run(() =>
    caseAction({
      request: postRequest(
        `/cases/${caseId}`,
        {
          intent: "victim-identity",
          victimId: String(view.view.victims[0].id),
          name,
          birthYear: "",
          nativeDistrict: "",
        },
        secretariat,
      ),
      params,
      context: {},
    }),
  );
  expect(posted.status).toBe(302);
}

/** A new case's register form, led by the police department, opened today. */
export const caseRegisterForm = (policeId: number, today: string, over: Record<string, string> = {}) => ({
  policeStation: "Sitabuldi PS",
  firNumber: "",
  firYear: "",
  courtName: "",
  courtCaseNumber: "",
  sections: "BNS 143",
  stage: "fir",
  status: "open",
  outcome: "",
  openedOn: today,
  closedOn: "",
  chargesheetLimitDays: "60",
  [`dept-${policeId}`]: "lead",
  ...over,
});

/** A fresh open action item of the department, due in five days, for its representative to update. */
export const openActionItem = (departmentId: number, today: string) =>
  getDb()
    .insert(actionItems)
    .values({
      collectiveId: 1,
      departmentId,
      description: "Trace the escort records",
      dueOn: addDays(today, 5),
      status: "open",
    })
    .returning()
    .get();

/** The action item's update form as its page sends it, with `over` changed. */
export const actionUpdateForm = (i: typeof actionItems.$inferSelect, over: Record<string, string>) => ({
  status: i.status,
  reason: "",
  comment: "",
  dueOn: i.dueOn,
  currentDueOn: i.dueOn,
  dueReason: "",
  version: String(i.version),
  ...over,
});
