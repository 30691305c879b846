import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/lib/dates";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function openRunPage(page: import("playwright-core").Page) {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Meeting 7" }).click();
  await page.getByRole("link", { name: "Run the meeting" }).click();
  await page.waitForURL(/\/run$/);
  await page.getByRole("button", { name: "Save attendance" }).waitFor();
}

/** The item timers exist only once React has hydrated: until then, typing would not autosave. */
async function hydrated(page: import("playwright-core").Page) {
  await page.getByRole("button", { name: "Start timer" }).first().waitFor();
}

describe("capturing a meeting", () => {
  it("saves as the secretariat types, with JavaScript", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openRunPage(page);
    await hydrated(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Status: Department of Women and Child Development").selectOption("absent");
    await page.getByRole("button", { name: "Save attendance" }).click();
    await expect
      .poll(() =>
        page
          .getByText(/^Saved at /)
          .first()
          .count(),
      )
      .toBe(1);
    const discussion = page.getByLabel("Discussion").nth(2);
    await discussion.fill("The prosecutor will seek testimony in the protection room.");
    await page.getByLabel("Decisions").nth(2).fill("Prosecution to move the application this week.");
    await expect
      .poll(() => page.locator(".item-minutes").nth(2).getByRole("status").textContent(), { timeout: 10_000 })
      .toMatch(/^Saved at /);
    await page.reload();
    expect(await page.getByLabel("Discussion").nth(2).inputValue()).toBe(
      "The prosecutor will seek testimony in the protection room.",
    );
    await context.close();
  });

  it("shows both versions when two people save the same item, and autosaves nothing until one is chosen", async () => {
    const first = await signIn(app, "secretariat@demo.testa");
    const second = await signIn(app, "secretariat@demo.testa");
    for (const p of [first.page, second.page]) {
      await openRunPage(p);
      await hydrated(p);
    }
    const mine = first.page.locator(".item-minutes").nth(4);
    await mine.getByLabel("Discussion").fill("First person's note.");
    await mine.getByLabel("Status").selectOption("deferred");
    await mine.getByRole("button", { name: /^Save item 5$/ }).click();
    await expect.poll(() => mine.getByRole("status").textContent()).toMatch(/^Saved at /);

    const theirs = second.page.locator(".item-minutes").nth(4);
    await theirs.getByLabel("Discussion").fill("Second person's note.");
    await theirs.getByRole("button", { name: /^Save item 5$/ }).click();
    const conflict = theirs.locator(".conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("First person's note.");
    expect(await conflict.textContent()).toContain("Deferred");
    expect(await theirs.getByLabel("Discussion").inputValue()).toBe("Second person's note.");
    expect(await seriousViolations(second.page)).toEqual([]);
    // Typing more does not autosave over the first person's note while the choice is open.
    await theirs.getByLabel("Decisions").fill("Still choosing.");
    await second.page.waitForTimeout(2_500);
    await first.page.reload();
    expect(await first.page.locator(".item-minutes").nth(4).getByLabel("Discussion").inputValue()).toBe(
      "First person's note.",
    );
    // Choosing to keep theirs is an explicit save.
    await theirs.getByRole("button", { name: /^Save item 5$/ }).click();
    await expect.poll(() => theirs.getByRole("status").textContent()).toMatch(/^Saved at /);
    await first.page.reload();
    expect(await first.page.locator(".item-minutes").nth(4).getByLabel("Discussion").inputValue()).toBe(
      "Second person's note.",
    );
    await first.context.close();
    await second.context.close();
  });

  it("works from plain form posts, without JavaScript, and the keyboard reaches every field in agenda order", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await openRunPage(page);
    const section = page.locator(".item-minutes").nth(3);
    await section.getByLabel("Discussion").fill("Discussed without JavaScript.");
    await section.getByLabel("Status").selectOption("discussed");
    await section.getByRole("button", { name: /^Save item 4$/ }).click();
    await page.waitForLoadState("load");
    expect(await page.locator(".item-minutes").nth(3).getByLabel("Discussion").inputValue()).toBe(
      "Discussed without JavaScript.",
    );
    await page.locator(".item-minutes").nth(3).getByText("Add an action item to item 4").click();
    const form = page.locator(".item-minutes").nth(3);
    await form.getByLabel("Action", { exact: true }).fill("Escort the victim to court");
    await form.getByLabel("Owning department").selectOption({ label: "District Child Protection Unit" });
    await form.getByLabel("Due date").fill(addDays(todayIn("Asia/Kolkata"), 22));
    await form.getByRole("button", { name: "Add action item" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator(".item-minutes").nth(3).textContent()).toContain(
      "District Child Protection Unit: Escort the victim to court",
    );
    // Tab order follows the page, and the page follows the agenda.
    const first = page.getByLabel("Discussion").first();
    await first.focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("decisions");
    await context.close();
  });

  it("circulates the minutes and offers the PDF", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openRunPage(page);
    await page.getByRole("button", { name: "Mark Meeting 7 as held" }).click();
    // The demo's Meeting 7 is always after today: marking it held early asks once more.
    await page.getByRole("button", { name: "Yes, Meeting 7 was held early" }).click();
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    await page.waitForURL(/\/minutes$/);
    await page.getByRole("button", { name: "Circulate the minutes" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Circulate the minutes" }).click();
    await page.waitForURL(/\/sending\?batch=/);
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 20_000 })
      .toContain("9 of 9 emails delivered");
    const pdf = await page.request.get(page.url().replace(/\/sending.*$/, "/minutes.pdf"));
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await context.close();
  });
});
