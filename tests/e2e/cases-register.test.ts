import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, formatDate, todayIn } from "~/lib/dates";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";

// The case register in a browser: registering, the edit conflict, and bad filters in the URL.

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

async function fillCase(page: import("playwright-core").Page, policeStation: string) {
  await page.getByLabel("Police station").fill(policeStation);
  await page.getByLabel("FIR number").fill("0321");
  await page.getByLabel("FIR year").fill("2026");
  await page.getByLabel("Opened on").fill(addDays(today, -8));
  await page.getByLabel("Police – Anti-Human-Trafficking Unit").selectOption("lead");
}

describe("registering a case", () => {
  it("issues the code and shows it on the case page", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await page.goto("/cases/new");
    expect(await seriousViolations(page)).toEqual([]);
    await fillCase(page, "Sadar PS");
    await page.getByRole("button", { name: "Register case" }).click();
    await page.waitForURL(/\/cases\/\d+\?registered$/);
    // The URL changes before the new page has rendered; wait for the case's own heading.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^DEM-2026-\d{4}$/);
    const code = await page.getByRole("heading", { level: 1 }).textContent();
    expect(await page.getByRole("status").filter({ hasText: "Registered as" }).textContent()).toContain(
      `Registered as ${code}`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("works without JavaScript: a missing field comes back with its message and the input kept", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/cases/new");
    await fillCase(page, "");
    await page.getByLabel("Sections").fill("ITPA 5");
    await page.getByRole("button", { name: "Register case" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByText("Police station is required.").count()).toBe(1);
    expect(await page.getByLabel("Sections").inputValue()).toBe("ITPA 5");
    expect(await page.getByLabel("Police – Anti-Human-Trafficking Unit").inputValue()).toBe("lead");
    await context.close();
  });
});

describe("recording a judgment", () => {
  it("sets the case's outcome from the verdict and starts the appeal window", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await page.goto("/cases?stage=prosecution_evidence");
    await page
      .getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ })
      .first()
      .click();
    await page.waitForURL(/\/cases\/\d+$/);
    await page.getByLabel("Event", { exact: true }).selectOption("judgment");
    await page.getByLabel("Date", { exact: true }).fill(yesterday);
    await page.getByRole("button", { name: "Add event" }).click();
    await expect.poll(() => page.getByText("Choose the verdict of the judgment.").count()).toBe(1);
    await page.getByLabel("Verdict").selectOption("acquitted");
    await page.getByRole("button", { name: "Add event" }).click();
    await expect
      .poll(() => page.locator(".timeline").textContent())
      .toContain(`${formatDate(yesterday)} · Judgment: Acquitted`);
    expect(await page.locator("dl.facts").textContent()).toContain("Acquitted");
    expect(await page.locator(".clock-list").textContent()).toContain(
      `Acquitted on ${formatDate(yesterday)}, no appeal filed`,
    );
    await context.close();
  });
});

describe("editing a case someone else just saved", () => {
  it("shows their version beside the changes, keeps the changes, and saves on the second try", async () => {
    const first = await signIn(app, "secretariat@demo.testa");
    const second = await signIn(app, "admin@demo.testa");
    await first.page.goto("/cases");
    const href = await first.page
      .getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ })
      .first()
      .getAttribute("href");
    await first.page.goto(`${href}/edit`);
    await second.page.goto(`${href}/edit`);
    expect(await seriousViolations(first.page)).toEqual([]);

    await first.page.getByLabel("Police station").fill("Their PS");
    await first.page.getByRole("button", { name: "Save changes" }).click();
    await first.page.waitForURL(new RegExp(`${href}$`));

    await second.page.getByLabel("Police station").fill("My PS");
    await second.page.getByRole("button", { name: "Save changes" }).click();
    await expect
      .poll(() => second.page.getByRole("alert").first().textContent())
      .toContain("Someone else changed this case while you were editing");
    const conflict = second.page.getByRole("region", { name: "Their version and yours" });
    expect(await conflict.getByRole("row", { name: /Police station/ }).textContent()).toMatch(/Their PS.*My PS/);
    expect(await second.page.getByLabel("Police station").inputValue()).toBe("My PS");
    expect(await seriousViolations(second.page)).toEqual([]);

    await second.page.getByRole("button", { name: "Save changes" }).click();
    await second.page.waitForURL(new RegExp(`${href}$`));
    await expect.poll(() => second.page.locator("dl.facts").textContent()).toContain("My PS");
    await first.context.close();
    await second.context.close();
  });
});

describe("the case list", () => {
  it("shows a bad filter's message next to it and still lists the cases", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    const res = await page.goto("/cases?stage=nonsense&from=2026-02-30");
    expect(res!.status()).toBe(400);
    expect(await page.getByText("That stage does not exist.").count()).toBe(1);
    expect(await page.getByText("From must be a real date.").count()).toBe(1);
    expect(await page.getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ }).count()).toBe(50);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
