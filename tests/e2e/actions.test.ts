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

describe("between meetings", () => {
  it("a representative blocks an item, and the secretariat sees it on the next agenda", async () => {
    const rep = await signIn(app, "police@demo.testa");
    await rep.page.goto("/actions");
    expect(await rep.page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Our department's actions/);
    expect(await seriousViolations(rep.page)).toEqual([]);
    const open = rep.page.locator("tbody tr").filter({ hasText: /Open/ }).first();
    const description = (await open.locator("td a").textContent())!.trim();
    await open.locator("td a").click();
    await rep.page.waitForURL(/\/actions\/\d+$/);
    await rep.page.getByLabel("Status").waitFor();
    expect(await seriousViolations(rep.page)).toEqual([]);
    await rep.page.getByLabel("Status").selectOption("blocked");
    await rep.page.getByLabel("Reason (for blocked or dropped)").fill("Waiting for the court's order copy");
    await rep.page.getByRole("button", { name: "Save update" }).click();
    await expect.poll(() => rep.page.locator(".timeline").textContent()).toContain("status from Open to Blocked");
    await rep.context.close();

    const sec = await signIn(app, "secretariat@demo.testa");
    await sec.page.goto("/meetings");
    await sec.page.getByRole("link", { name: "Meeting 7" }).click();
    await sec.page.getByRole("button", { name: "Regenerate from cases" }).click();
    await expect.poll(() => sec.page.getByRole("status").first().textContent()).toContain("Agenda regenerated.");
    const review = await sec.page.locator(".agenda-item").filter({ hasText: "Review of action items" }).textContent();
    expect(review).toContain(`${description}`);
    expect(review).toContain("(blocked: Waiting for the court's order copy)");
    await sec.page.goto("/reports/accountability?split=tenure");
    expect(await seriousViolations(sec.page)).toEqual([]);
    await sec.context.close();
  });
});
