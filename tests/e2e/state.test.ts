import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("the state observer", () => {
  it("lands on the roll-up: every district side by side, the state total, a chart per measure, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, context } = await signIn(app, "state-observer@demo.testa", { javaScriptEnabled });
      // The roll-up is computed on its own thread at start-up; until then the page looks again by itself.
      await page.getByRole("heading", { name: "Each measure, district by district" }).waitFor({ timeout: 60_000 });
      expect(new URL(page.url()).pathname).toBe("/state");
      const table = page.getByRole("table", { name: "Every district's figures, and the state total" });
      expect(await table.getByRole("rowheader", { name: /Demo District/ }).count()).toBe(1);
      expect(await table.getByRole("rowheader", { name: "State total" }).count()).toBe(1);
      expect(await page.getByRole("img", { name: /Conviction rate/ }).count()).toBeGreaterThan(0);
      expect(await page.getByRole("img", { name: /Chargesheets overdue now/ }).count()).toBe(1);
      // Nothing of a district's own pages in the menu.
      expect(await page.getByRole("link", { name: "Cases" }).count()).toBe(0);
      if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Outcomes of Demo District" }).click();
      await page.getByRole("heading", { name: "Outcomes: Demo District" }).waitFor();
      expect(await page.getByRole("img", { name: /Conviction rate by year of judgment/ }).count()).toBe(1);
      await context.close();
    }
  });
});

describe("a district's secretariat", () => {
  it("cannot reach the state's pages", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    const response = await page.goto("/state");
    expect(response?.status()).toBe(403);
    expect(await page.getByRole("link", { name: "State" }).count()).toBe(0);
    await context.close();
  });
});
