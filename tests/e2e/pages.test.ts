import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";

// Every page a person reaches from the navigation, checked with axe-core, with its one h1 and
// headings that do not skip a level. The journeys in the other files check their own pages too.

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** The headings of the page, in order, skip no level and begin with the one h1. */
async function headingLevels(page: Page): Promise<number[]> {
  return page.locator("main h1, main h2, main h3, main h4").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
}

async function check(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res!.status(), path).toBe(200);
  await page.getByRole("heading", { level: 1 }).waitFor();
  const levels = await headingLevels(page);
  expect(
    levels.filter((l) => l === 1),
    path,
  ).toHaveLength(1);
  expect(levels[0], path).toBe(1);
  levels.forEach((l, i) => {
    const previous = levels[i - 1];
    if (previous !== undefined)
      expect(l - previous, `${path}: heading ${i} jumps from h${previous} to h${l}`).toBeLessThanOrEqual(1);
  });
  expect(await seriousViolations(page), path).toEqual([]);
}

async function hrefOf(page: Page, from: string, name: string | RegExp) {
  await page.goto(from);
  return (await page.locator("main").getByRole("link", { name }).first().getAttribute("href"))!;
}

describe("every main page", () => {
  it("passes for the administrator's settings, seats and outbox", async () => {
    const { page, context } = await signIn(app, "admin@demo.testa");
    const department = await hrefOf(page, "/departments", "District Child Protection Unit");
    for (const path of [
      "/settings/collective",
      "/settings/agenda",
      "/settings/participation",
      "/settings/audit",
      "/settings/audit?action=download&page=1",
      "/departments",
      department,
      `${department}/transfer`,
      `${department}/brief`,
      "/outbox",
    ]) {
      await check(page, path);
    }
    await context.close();
  });

  it("passes for the secretariat's meeting, case and action pages", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    const meeting = await hrefOf(page, "/meetings", "Meeting 7");
    const held = await hrefOf(page, "/meetings", "Meeting 6");
    const kase = await hrefOf(page, "/cases", /^DEM-\d{4}-\d{4}$/);
    await page.goto("/actions");
    const action = (await page.locator("main tbody a").first().getAttribute("href"))!;
    for (const path of [
      "/meetings",
      "/meetings/new",
      meeting,
      `${meeting}/publish`,
      `${meeting}/run`,
      `${meeting}/reschedule`,
      `${meeting}/cancel`,
      `${held}/minutes`,
      "/cases",
      kase,
      `${kase}/edit`,
      "/actions",
      action,
      "/reports/outcomes",
      "/reports/accountability",
    ]) {
      await check(page, path);
    }
    await context.close();
  });

  it("passes for a representative and an observer", async () => {
    const rep = await signIn(app, "dcpu@demo.testa");
    const department = await hrefOf(rep.page, "/departments", "District Child Protection Unit");
    for (const path of ["/actions", "/cases", `${department}/brief`]) await check(rep.page, path);
    await rep.context.close();
    const observer = await signIn(app, "observer@demo.testa");
    for (const path of ["/reports/outcomes", "/reports/accountability"]) await check(observer.page, path);
    await observer.context.close();
  });
});
