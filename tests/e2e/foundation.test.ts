import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, formatDate, todayIn } from "~/lib/dates";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";

// Dates relative to today, as the demo collective is seeded relative to today.
const today = todayIn("Asia/Kolkata");
const yesterday = addDays(today, -1);

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("sign-in", () => {
  it("refuses a wrong password with a message next to the form", async () => {
    const context = await app.browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto("/login");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Email").fill("secretariat@demo.testa");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("The email or password is not right.");
    expect(await page.getByLabel("Email").inputValue()).toBe("secretariat@demo.testa");
    await context.close();
  });
});

describe("the secretariat", () => {
  it("opens a case and adds a hearing", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await page.goto("/cases");
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ })
      .first()
      .click();
    await page.waitForURL(/\/cases\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^DEM-/);
    expect(await seriousViolations(page)).toEqual([]);
    const code = await page.getByRole("heading", { level: 1 }).textContent();
    expect(code).toMatch(/^DEM-/);
    await page.getByLabel("Event", { exact: true }).selectOption("hearing");
    await page.getByLabel("Date", { exact: true }).fill(yesterday);
    await page.getByLabel("Next date").fill(addDays(today, 40));
    await page.getByLabel("Outcome").fill("Adjourned for prosecution evidence");
    await page.getByRole("button", { name: "Add event" }).click();
    await expect
      .poll(() => page.locator(".timeline").textContent())
      .toContain(`${formatDate(yesterday)} · Hearing: Adjourned for prosecution evidence`);
    expect(await page.locator(".timeline").textContent()).toContain(`next date ${formatDate(addDays(today, 40))}`);
    await context.close();
  });

  it("sees a clear message, and keeps the input, for an event with an impossible next date", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await page.goto("/cases");
    await page
      .getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ })
      .first()
      .click();
    await page.getByLabel("Date", { exact: true }).fill(yesterday);
    await page.getByLabel("Next date").fill(addDays(yesterday, -26));
    await page.getByLabel("Outcome").fill("Kept text");
    await page.getByRole("button", { name: "Add event" }).click();
    await expect.poll(() => page.getByText("The next date cannot be before the event's date.").count()).toBe(1);
    expect(await page.getByLabel("Outcome").inputValue()).toBe("Kept text");
    await context.close();
  });

  it("reads the departments pages without accessibility failures", async () => {
    const { page, context } = await signIn(app, "admin@demo.testa");
    await page.goto("/departments");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Police – Anti-Human-Trafficking Unit" }).click();
    await page.waitForURL(/\/departments\/\d+$/);
    await page.getByRole("heading", { name: "Tenure history" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("a representative", () => {
  it("never receives the FIR number or the accused's names", async () => {
    const secretariat = await signIn(app, "secretariat@demo.testa");
    await secretariat.page.goto("/cases?department=" + "");
    // Find a police case and its restricted values as the secretariat sees them.
    const police = await signIn(app, "police@demo.testa");
    await police.page.goto("/cases");
    const href = await police.page
      .getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ })
      .first()
      .getAttribute("href");
    await secretariat.page.goto(href!);
    const facts = await secretariat.page.locator("dl.facts").textContent();
    const fir = /FIR\s*Restricted\s*(\d{4})/.exec(facts ?? "")?.[1];
    expect(fir).toBeTruthy();
    const accusedNames = (await secretariat.page.locator("#accused + ul li").allTextContents()).map(
      (t) => t.split(":")[0],
    );
    expect(accusedNames.length).toBeGreaterThan(0);

    const response = await police.page.goto(href!);
    const html = await response!.text();
    expect(html).not.toContain(`${fir} / `);
    for (const name of accusedNames) expect(html).not.toContain(name);
    expect(await police.page.getByText("Restricted").count()).toBe(0);
    expect(await seriousViolations(police.page)).toEqual([]);
    await secretariat.context.close();
    await police.context.close();
  });
});

describe("the HTTP edge", () => {
  it("answers /healthz and sets the security headers", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a cross-site POST", async () => {
    const res = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40demo.testa&password=testa-demo",
    });
    expect(res.status).toBe(403);
  });

  it("shows a 404 page, not a 500, for a forged case id", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    const res = await page.goto("/cases/99999999");
    expect(res!.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not found");
    await context.close();
  });
});
