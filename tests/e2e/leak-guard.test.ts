import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordVictimName, signIn, startApp, type RunningApp } from "./support/app";

let app: RunningApp;
const screenshots = process.env.SCREENSHOTS_DIR ?? os.tmpdir();
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("the leak guard", () => {
  it("refuses to circulate minutes in which the secretariat typed a victim's name", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    // Record the victim's identity on a case: fingerprinted, then discarded.
    await recordVictimName(page, "Rukhsana Bano");
    expect(await page.content()).not.toContain("Rukhsana");

    // Write her name into the minutes of Meeting 7, close the meeting, try to circulate.
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting 7" }).click();
    await page.getByRole("link", { name: "Run the meeting" }).click();
    await page.waitForURL(/\/run$/);
    await page.getByRole("button", { name: "Save attendance" }).click();
    const item = page.locator(".item-minutes").nth(2);
    await item.getByLabel("Discussion").fill("The counsellor met rukhsana BANO at the shelter.");
    await item.getByRole("button", { name: /^Save item 3$/ }).click();
    // Refused next to the field, the words named, the text kept, and a rewrite offered.
    await expect
      .poll(() => item.locator(".field-error").first().textContent())
      .toMatch(/^The discussion was not saved: it contains “rukhsana BANO”/);
    expect(await item.getByLabel("Discussion").inputValue()).toBe("The counsellor met rukhsana BANO at the shelter.");
    await page.screenshot({ path: `${screenshots}/refusal-run-page.png`, fullPage: false });
    await item.getByRole("button", { name: "Save with this rewrite" }).click();
    await expect.poll(() => item.getByRole("status").textContent()).toMatch(/^Saved at /);
    await page.getByRole("button", { name: "Mark Meeting 7 as held" }).click();
    // The demo's Meeting 7 is always after today: marking it held early asks once more.
    await page.getByRole("button", { name: "Yes, Meeting 7 was held early" }).click();
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    await page.waitForURL(/\/minutes$/);
    await page.getByRole("button", { name: "Circulate the minutes" }).click();
    await page.waitForURL(/\/sending/);
    expect(await page.content()).not.toMatch(/rukhsana/i);
    await context.close();

    const admin = await signIn(app, "admin@demo.testa");
    await admin.page.goto("/outbox");
    expect(await admin.page.content()).not.toMatch(/rukhsana/i);
    await admin.context.close();
  });

  it("offers the rewrite without JavaScript: a representative's blocked reason naming the victim", async () => {
    const { page, context } = await signIn(app, "police@demo.testa", { javaScriptEnabled: false });
    await page.goto("/actions");
    await page.locator("table a[href^='/actions/']").first().click();
    await page.waitForURL(/\/actions\/\d+$/);
    await page.getByLabel("Status").selectOption("blocked");
    await page.getByLabel("Reason (for blocked or dropped)").fill("Waiting for rukhsana bano's statement");
    await page.getByRole("button", { name: "Save update" }).click();
    await page.waitForLoadState("load");
    await expect
      .poll(() => page.locator(".field-error").first().textContent())
      .toMatch(/^Action \d+'s blocked reason was not saved: it contains “rukhsana bano”/);
    expect(await page.getByLabel("Reason (for blocked or dropped)").inputValue()).toBe(
      "Waiting for rukhsana bano's statement",
    );
    await page.screenshot({ path: `${screenshots}/refusal-no-js.png`, fullPage: false });
    await page.getByRole("button", { name: "Save with this rewrite" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator(".field-error").count()).toBe(0);
    expect(await page.content()).not.toMatch(/rukhsana/i);
    await context.close();
  });
});
