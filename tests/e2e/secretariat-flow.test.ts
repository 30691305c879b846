import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApp, type RunningApp } from "./support/app";

// Mail goes to a port where nothing listens, so a send-out stays "waiting" and its page keeps
// the Refresh link that a person without JavaScript uses.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ SMTP_URL: "smtp://127.0.0.1:9" });
});
afterAll(async () => {
  await app?.stop();
});

describe("without JavaScript", () => {
  it("a new officer sets a password from the welcome link", async () => {
    const admin = await signIn(app, "admin@demo.testa");
    await admin.page.goto("/departments");
    await admin.page.getByRole("link", { name: "District Legal Services Authority" }).click();
    await admin.page.getByRole("link", { name: "Record a transfer" }).click();
    await admin.page.getByLabel("Successor's name").fill("Meera Kulkarni");
    await admin.page.getByLabel("Designation").fill("Secretary, DLSA");
    await admin.page.getByLabel("Official email").fill("meera.kulkarni@example.org");
    await admin.page.getByRole("button", { name: "Record transfer" }).click();
    await admin.page.getByRole("heading", { name: "Transfer recorded" }).waitFor();
    const link = (await admin.page.locator("code.link-box").textContent())!.trim();
    await admin.context.close();

    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel("New password").fill("a-long-password");
    await page.getByLabel("Repeat the password").fill("a-long-password");
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Set password and sign in" }).click()]);
    expect(response.status()).not.toBe(403);
    await page.waitForURL((u) => !u.pathname.startsWith("/welcome"));
    expect(await page.locator("body").textContent()).not.toContain("Cross-site request refused");
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
    await context.close();
  });

  it("the sending page's Refresh keeps the send-out", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting 7" }).click();
    await page.getByRole("link", { name: "Publish agenda" }).click();
    await page.getByRole("button", { name: /^Publish and email/ }).click();
    await page.waitForURL(/\/sending\?batch=/);
    const sending = page.url();
    await page.getByRole("link", { name: "Refresh" }).click();
    await page.waitForLoadState("load");
    expect(page.url()).toBe(sending);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sending for Meeting 7");
    await context.close();
  });
});

describe("an unknown address", () => {
  it("gets the app's own 404 page", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    const res = await page.goto("/meetingz/12/whatever");
    expect(res!.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not found");
    const text = await page.locator("main").textContent();
    expect(text).not.toContain("No route matches");
    expect(text).toContain("There is nothing at this address");
    expect(await page.getByRole("link", { name: "Go to the start page" }).count()).toBe(1);
    await context.close();
  });
});
