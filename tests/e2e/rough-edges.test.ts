import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";

// The rough edges of issue 12, walked as their users do, with JavaScript on and off.

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const shots = process.env.SCREENSHOTS_DIR;
const shot = async (page: Page, name: string) =>
  shots ? page.screenshot({ path: `${shots}/${name}.png`, fullPage: true }) : undefined;

async function openMeeting(page: Page, name: string, suffix = "") {
  await page.goto("/meetings");
  const href = (await page.locator("main").getByRole("link", { name, exact: true }).first().getAttribute("href"))!;
  await page.goto(href + suffix);
  await page.getByRole("heading", { level: 1 }).waitFor();
  return href;
}

describe("the agenda editor", () => {
  it("brings a written-update case back just before “Any other business”; its buttons say what they show", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openMeeting(page, "Meeting 7");
    expect(await seriousViolations(page)).toEqual([]); // includes label-content-name-mismatch
    await expect.poll(() => page.getByRole("button", { name: /^Set minutes: / }).count()).toBeGreaterThan(3);
    // The written-update list is folded away on the long agenda page: open it first.
    await page.locator("summary", { hasText: /for written update$/ }).click();
    const written = page.locator(".written-updates li").first();
    const code = (await written.locator("strong").textContent())!.replace("Case review: ", "").trim();
    await written.getByRole("button", { name: /^To the agenda: / }).click();
    await expect
      .poll(() => page.locator(".agenda-item__title").allTextContents())
      .toContain(`Case review: ${code}Pinned`);
    const titles = await page.locator(".agenda-item__title").allTextContents();
    expect(titles.at(-1)).toBe("Any other business");
    expect(titles.at(-2)).toBe(`Case review: ${code}Pinned`);
    await expect.poll(() => page.locator(".written-updates").textContent()).not.toContain(code);
    expect(await page.locator("main").textContent()).not.toMatch(/\b1 minutes\b|\(s\)/);
    await shot(page, "agenda-to-the-agenda");
    await context.close();
  });
});

describe("the run page", () => {
  it("confirms the previous minutes in place, without JavaScript", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    const href = await openMeeting(page, "Meeting 7", "/run");
    await page.getByRole("button", { name: "Confirm the minutes of Meeting 6" }).click();
    await page.getByText("The minutes of Meeting 6 are confirmed.").waitFor();
    expect(new URL(page.url()).pathname).toBe(`${href}/run`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Run Meeting 7");
    expect(await page.getByRole("button", { name: "Confirm the minutes of Meeting 6" }).count()).toBe(0);
    await shot(page, "run-confirmed-no-js");
    await page.getByRole("link", { name: "See them" }).click();
    await page.getByText("Confirmed", { exact: true }).first().waitFor();
    await context.close();
  });
});

describe("the minutes on screen", () => {
  it("shows the latest version as the PDF does, and any version from the list", async () => {
    const { page, context } = await signIn(app, "dcpu@demo.testa");
    await openMeeting(page, "Meeting 5", "/minutes");
    const doc = page.locator("article.minutes-document");
    await doc.getByRole("heading", { name: "Minutes: Meeting 5" }).waitFor();
    expect(await doc.textContent()).toMatch(/Status\s*Confirmed, version 2/);
    for (const heading of ["Attendance", "Proceedings", "Action items", "Next meeting"])
      await doc.getByRole("heading", { name: heading }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "minutes-latest");
    await page.getByRole("link", { name: "Version 1" }).click();
    await page.getByRole("heading", { name: "Version 1 (circulated)" }).waitFor();
    expect(await doc.textContent()).toMatch(/Circulated, version 1/);
    await page.emulateMedia({ media: "print" });
    await shot(page, "minutes-print");
    await context.close();
  });
});

describe("the case register and the case page", () => {
  it("finds cases by police station and court case number without JavaScript; the FIR search is the secretariat's", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/cases");
    const station = (await page.locator("main tbody tr td").nth(2).textContent())!.trim();
    await page.getByLabel("Search", { exact: true }).fill(station.slice(0, 5).toLowerCase());
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/\?q=/);
    const stations = await page
      .locator("main tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.children[3]?.textContent));
    expect(stations.length).toBeGreaterThan(0);
    expect(stations.every((s) => s!.toLowerCase().includes(station.slice(0, 5).toLowerCase()))).toBe(true);
    await page.getByLabel("Search", { exact: true }).fill("chargesheet filed");
    await page.getByRole("button", { name: "Filter" }).click();
    const stages = await page
      .locator("main tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent));
    expect(new Set(stages)).toEqual(new Set(["Chargesheet filed"]));
    await page.getByLabel("Search", { exact: true }).fill("");
    await page.getByLabel("FIR number").fill("0");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/fir=0/);
    expect(await page.getByRole("status").textContent()).toMatch(/^\d+ cases?/);
    await shot(page, "cases-search-no-js");
    await context.close();

    const rep = await signIn(app, "police@demo.testa");
    await rep.page.goto("/cases?q=sc%2F");
    await rep.page.getByRole("status").waitFor();
    expect(await rep.page.getByLabel("FIR number").count()).toBe(0);
    expect(await seriousViolations(rep.page)).toEqual([]);
    await rep.page.goto("/cases?fir=0123");
    expect(await rep.page.getByRole("alert").textContent()).toBe(
      "Only the secretariat and the administrator can search by FIR number.",
    );
    await rep.context.close();
  });

  it("shows what the collective decided about a case", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openMeeting(page, "Meeting 6", "/minutes");
    const code = (await page
      .locator("article.minutes-document .minutes-items strong", { hasText: "Case review: " })
      .first()
      .textContent())!.match(/[A-Z]{3}-\d{4}-\d{4}/)![0];
    await page.goto(`/cases?q=${code}`);
    await page.locator("main tbody").getByRole("link", { name: code }).click();
    const section = page.locator("section", {
      has: page.getByRole("heading", { name: "What the collective decided" }),
    });
    await section.waitFor();
    await section.getByRole("link", { name: "Meeting 6" }).waitFor();
    expect(await section.textContent()).toMatch(/Decisions: /);
    expect(await seriousViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await shot(page, "case-decisions");
    await context.close();
  });
});

describe("accounts", () => {
  it("the admin disables and enables an account without JavaScript", async () => {
    const { page, context } = await signIn(app, "admin@demo.testa", { javaScriptEnabled: false });
    await page.goto("/departments");
    await page.getByRole("link", { name: "disable or enable an account" }).click();
    await page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();
    await page
      .getByRole("button", { name: /^Disable: .*/ })
      .first()
      .waitFor();
    const row = page.locator("tr", { hasText: "observer@demo.testa" });
    await row.getByRole("button", { name: /^Disable/ }).click();
    await page.getByRole("status").filter({ hasText: "disabled: they can no longer sign in" }).waitFor();
    await shot(page, "accounts-disabled-no-js");

    const observer = await app.browser.newContext({ baseURL: app.url, viewport: { width: 1366, height: 768 } });
    const op = await observer.newPage();
    await op.goto("/login");
    await op.getByLabel("Email").fill("observer@demo.testa");
    await op.getByLabel("Password").fill("testa-demo");
    await op.getByRole("button", { name: "Sign in" }).click();
    await op.getByText("This account is disabled. Ask the administrator.").waitFor();
    await observer.close();

    await page
      .locator("tr", { hasText: "observer@demo.testa" })
      .getByRole("button", { name: /^Enable/ })
      .click();
    await page.getByRole("status").filter({ hasText: "enabled" }).waitFor();
    await context.close();

    const withJs = await signIn(app, "admin@demo.testa");
    await withJs.page.goto("/settings/accounts");
    await withJs.page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();
    expect(await seriousViolations(withJs.page)).toEqual([]);
    await withJs.context.close();
  });
});
