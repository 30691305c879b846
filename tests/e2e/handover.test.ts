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

describe("a seat changes hands", () => {
  it("the admin records a transfer; the new officer sets a password, signs in and reads the brief", async () => {
    const admin = await signIn(app, "admin@demo.testa");
    await admin.page.goto("/departments");
    await admin.page.getByRole("link", { name: "District Child Protection Unit" }).click();
    await admin.page.getByRole("link", { name: "Record a transfer" }).click();
    expect(await seriousViolations(admin.page)).toEqual([]);
    await admin.page.getByLabel("Successor's name").fill("Priya Nair");
    await admin.page.getByLabel("Designation").fill("District Child Protection Officer");
    await admin.page.getByLabel("Official email").fill("priya.nair@example.org");
    await admin.page.getByRole("button", { name: "Record transfer" }).click();
    await admin.page.getByRole("heading", { name: "Transfer recorded" }).waitFor();
    const link = (await admin.page.locator("code.link-box").textContent())!.trim();
    await admin.context.close();

    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(link);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome to TESTA Desk, Priya Nair");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("New password").fill("a-long-password");
    await page.getByLabel("Repeat the password").fill("a-long-password");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/welcome"));
    await page.goto(new URL("/departments", link).href);
    await page.getByRole("link", { name: "District Child Protection Unit" }).click();
    await page.getByRole("link", { name: "Onboarding brief" }).click();
    await page.waitForURL(/\/brief$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Onboarding brief: District Child Protection Unit");
    expect(await page.getByText("For Priya Nair, District Child Protection Officer.", { exact: false }).count()).toBe(
      1,
    );
    expect(await seriousViolations(page)).toEqual([]);
    // The link is spent.
    await page.goto(link);
    expect(await page.getByRole("alert").textContent()).toContain("already been used");
    await context.close();
  });
});
