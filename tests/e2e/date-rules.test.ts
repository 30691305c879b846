import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { dueHorizonDays } from "~/lib/date-rules";
import { addDays, formatDate, todayIn } from "~/lib/dates";
import { signIn, startApp, type RunningApp } from "./support/app";

// Dates nobody could mean are refused beside their field, with what is allowed, and the input kept:
// with JavaScript by the form's schema before posting, without it by the same schema in the action.

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** The field a label names: its input and the message shown beside it. */
const field = (scope: Page | Locator, label: string) => {
  const input = scope.getByLabel(label, { exact: true });
  // `has` is matched inside each .field, so it takes the label's locator from the page, not the scope.
  const box = scope.locator(".field").filter({ has: input.page().getByLabel(label, { exact: true }) });
  return { input, error: box.locator(".field-error") };
};

const lastDay = () => formatDate(addDays(todayIn("Asia/Kolkata"), dueHorizonDays));

describe("date refusals", () => {
  it("a representative cannot move a due date to 01/01/2001 (JavaScript on)", async () => {
    const rep = await signIn(app, "police@demo.testa");
    await rep.page.goto("/actions");
    await rep.page.locator("tbody tr").filter({ hasText: /Open/ }).first().locator("td a").click();
    await rep.page.waitForURL(/\/actions\/\d+$/);
    const due = field(rep.page, "Due date");
    const before = await due.input.inputValue();
    // The date picker offers only the days the schema allows.
    expect(await due.input.getAttribute("min")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await due.input.getAttribute("max")).toBe(addDays(todayIn("Asia/Kolkata"), dueHorizonDays));
    await due.input.fill("2001-01-01");
    await rep.page.getByLabel("Reason for a new due date").fill("The court is on vacation");
    await rep.page.getByRole("button", { name: "Save update" }).click();
    await expect
      .poll(() => due.error.textContent())
      .toMatch(
        new RegExp(
          `^The due date can be from \\d{2}/\\d{2}/\\d{4} \\((the day it was agreed|today)\\) up to two years ahead \\(${lastDay()}\\)\\.$`,
        ),
      );
    expect(await due.input.getAttribute("aria-invalid")).toBe("true");
    expect(await due.input.inputValue()).toBe("2001-01-01");
    expect(await rep.page.getByLabel("Reason for a new due date").inputValue()).toBe("The court is on vacation");
    // Nothing was saved: the page still shows the old due date, and no change in the history.
    await rep.page.reload();
    expect(await field(rep.page, "Due date").input.inputValue()).toBe(before);
    expect(await rep.page.locator("section[aria-labelledby=history]").textContent()).not.toContain("01/01/2001");
    await rep.context.close();
  });

  it("the secretariat cannot record a hearing as held in 2031, nor a planned hearing's outcome (JavaScript off)", async () => {
    const sec = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await sec.page.goto("/cases");
    await sec.page
      .getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ })
      .first()
      .click();
    await sec.page.waitForURL(/\/cases\/\d+$/);
    const form = sec.page.locator("section[aria-labelledby=add-event]");
    const date = field(sec.page, "Date");
    expect(await date.input.getAttribute("max")).toBe(addDays(todayIn("Asia/Kolkata"), dueHorizonDays));
    expect(await date.input.getAttribute("min")).toMatch(/^\d{4}-01-01$/);
    await form.getByLabel("Event").selectOption("hearing");
    await date.input.fill("2031-03-01");
    await form.getByLabel("Outcome").fill("Witness examined in chief");
    await form.getByRole("button", { name: "Add event" }).click();
    await sec.page.waitForLoadState("load");
    expect(await date.error.textContent()).toMatch(
      new RegExp(
        `^An event can be dated from \\d{2}/\\d{2}/\\d{4}( \\(the year before the FIR\\))? up to two years ahead \\(${lastDay()}\\)\\.$`,
      ),
    );
    expect(await date.input.inputValue()).toBe("2031-03-01");
    expect(await form.getByLabel("Outcome").inputValue()).toBe("Witness examined in chief");
    expect(await sec.page.locator("body").textContent()).not.toContain("01/03/2031");

    // Planned a month ahead, the hearing may be recorded, but not with an outcome.
    const planned = addDays(todayIn("Asia/Kolkata"), 30);
    await date.input.fill(planned);
    await form.getByRole("button", { name: "Add event" }).click();
    await sec.page.waitForLoadState("load");
    expect(await field(sec.page, "Outcome").error.textContent()).toBe(
      `An outcome cannot be in the future: leave it empty for a planned event, and record it on or after ${formatDate(planned)}.`,
    );
    expect(await date.error.count()).toBe(0);
    expect(await date.input.inputValue()).toBe(planned);
    expect(await form.getByLabel("Outcome").inputValue()).toBe("Witness examined in chief");
    await sec.context.close();
  });

  it("the secretariat cannot give a new action on the run page a due date of 01/01/2001 (JavaScript off)", async () => {
    const sec = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await sec.page.goto("/meetings");
    await sec.page.getByRole("link", { name: "Meeting 7" }).click();
    await sec.page.getByRole("link", { name: /^Run the meeting/ }).click();
    await sec.page.waitForURL(/\/run$/);
    const add = sec.page
      .locator("details")
      .filter({ has: sec.page.locator("summary", { hasText: "Add an action item to item 2" }) });
    await add.locator("summary").click();
    await add.getByLabel("Action").fill("Send the chargesheet copy to the DLSA lawyer");
    await add.getByLabel("Owning department").selectOption({ index: 1 });
    await add.getByLabel("Due date").fill("2001-01-01");
    await add.getByRole("button", { name: "Add action item" }).click();
    await sec.page.waitForLoadState("load");
    const again = sec.page
      .locator("details[open]")
      .filter({ has: sec.page.locator("summary", { hasText: "Add an action item to item 2" }) });
    const due = field(again, "Due date");
    expect(await due.error.textContent()).toMatch(
      /^The due date can be from \d{2}\/\d{2}\/\d{4} \((the day it was agreed|today)\) up to two years ahead \(\d{2}\/\d{2}\/\d{4}\)\.$/,
    );
    expect(await due.input.inputValue()).toBe("2001-01-01");
    expect(await again.getByLabel("Action").inputValue()).toBe("Send the chargesheet copy to the DLSA lawyer");
    expect(await sec.page.locator("body").textContent()).not.toContain("due 01/01/2001");
    await sec.context.close();
  });
});
