import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addDays, todayIn } from "~/lib/dates";
import { recordVictimName, signIn, startApp, type RunningApp } from "./support/app";

// Mail goes to a port where nothing listens, so a send-out stays "waiting" and its page keeps
// the Refresh link that a person without JavaScript uses.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ SMTP_URL: "smtp://127.0.0.1:9" });
});
afterAll(async () => {
  await app?.stop();
});

async function openRunPage(page: Page, { hydrated = true } = {}) {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Meeting 7" }).click();
  await page.getByRole("link", { name: "Run the meeting" }).click();
  await page.waitForURL(/\/run$/);
  // With JavaScript, the item timers appear once React has hydrated: only then does typing autosave.
  if (hydrated) await page.getByRole("button", { name: "Start timer" }).first().waitFor();
}

const long = (n: number) => `${"The prosecutor summarised the evidence. ".repeat(Math.ceil(n / 40)).slice(0, n - 1)}.`;

describe("long minutes", () => {
  it("shows the limit and a live count, and refuses an over-long discussion beside the field, keeping the text (JavaScript on)", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openRunPage(page);
    const item = page.locator(".item-minutes").nth(1);
    expect(await item.getByText("of 20,000 characters").first().textContent()).toMatch(
      /^\d[\d,]* of 20,000 characters$/,
    );
    await item.getByLabel("Discussion").fill(long(19_000));
    await expect.poll(() => item.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/^Saved at /);
    expect(await item.getByText("19,000 of 20,000 characters").count()).toBe(1);
    const tooLong = long(20_050);
    await item.getByLabel("Discussion").fill(tooLong);
    expect(await item.getByText("20,050 of 20,000 characters: 50 too many").count()).toBe(1);
    await item.getByRole("button", { name: /^Save item 2$/ }).click();
    await expect
      .poll(() => item.locator(".field-error[role=alert]").textContent())
      .toBe("Discussion must be at most 20,000 characters (it has 20,050).");
    expect(await item.getByLabel("Discussion").inputValue()).toBe(tooLong);
    expect(await item.getByRole("status").textContent()).toBe("Not saved");
    await page.reload();
    expect((await page.locator(".item-minutes").nth(1).getByLabel("Discussion").inputValue()).length).toBe(19_000);
    await context.close();
  });

  it("refuses an over-long discussion beside the field and keeps the text (JavaScript off)", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await openRunPage(page, { hydrated: false });
    const item = page.locator(".item-minutes").nth(2);
    expect(await item.getByText("of 20,000 characters").count()).toBeGreaterThan(0);
    const tooLong = long(20_100);
    await item.getByLabel("Discussion").fill(tooLong);
    await item.getByLabel("Decisions").fill("Prosecution to file the reply.");
    await item.getByRole("button", { name: /^Save item 3$/ }).click();
    await page.waitForLoadState("load");
    const back = page.locator(".item-minutes").nth(2);
    expect(await back.locator(".field-error[role=alert]").textContent()).toBe(
      "Discussion must be at most 20,000 characters (it has 20,100).",
    );
    expect(await back.getByLabel("Discussion").inputValue()).toBe(tooLong);
    expect(await back.getByLabel("Decisions").inputValue()).toBe("Prosecution to file the reply.");
    await context.close();
  });
});

describe("a network drop on the run page", () => {
  it("keeps the page and the text on the device, and says the network is down; the save goes when it is back", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openRunPage(page);
    const item = page.locator(".item-minutes").nth(3);
    await context.setOffline(true);
    await item.getByLabel("Discussion").fill("Typed while the connection was down.");
    await item.getByRole("button", { name: /^Save item 4$/ }).click();
    await expect.poll(() => item.locator(".save-state").textContent()).toBe("Saved on this device, not yet sent");
    expect(await page.getByText(/^The network is down\./).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Run Meeting 7");
    expect(await page.locator("main").textContent()).not.toContain("Error 500");
    expect(await item.getByLabel("Discussion").inputValue()).toBe("Typed while the connection was down.");
    await context.setOffline(false);
    await expect.poll(() => item.getByRole("status").textContent(), { timeout: 10_000 }).toBe("Sent");
    await page.reload();
    expect(await page.locator(".item-minutes").nth(3).getByLabel("Discussion").inputValue()).toBe(
      "Typed while the connection was down.",
    );
    await context.close();
  });
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
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Set password and sign in" }).click(),
    ]);
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

describe("dates nobody checked", () => {
  it("refuses a meeting scheduled in 2020, beside the date, saying what is allowed (JavaScript off)", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings/new");
    await page.getByLabel("Date").fill("2020-01-09");
    await page.getByRole("button", { name: "Schedule and generate the agenda" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator(".field-error").first().textContent()).toMatch(
      /^A meeting can be scheduled from today \(\d{2}\/\d{2}\/\d{4}\) up to a year ahead/,
    );
    expect(await page.getByLabel("Date").inputValue()).toBe("2020-01-09");
    expect(page.url()).toMatch(/\/meetings\/new$/);
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

describe("closing Meeting 7: action items as agreed, and the next draft agenda", () => {
  it("Meeting 8 is scheduled while Meeting 7 is still to be held", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings/new");
    await page.getByRole("button", { name: "Schedule and generate the agenda" }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Meeting 8");
    await context.close();
  });

  it("an action the leak guard refuses is corrected, another dropped, and the minutes then circulate (JavaScript on)", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    // An action names a woman before her identity is recorded on a case.
    await openRunPage(page);
    await page.getByRole("button", { name: "Save attendance" }).click();
    const item = page.locator(".item-minutes").nth(4);
    await item.getByLabel("Discussion").fill("The counsellor reported on the visit.");
    await item.getByRole("button", { name: /^Save item 5$/ }).click();
    await expect.poll(() => item.getByRole("status").textContent()).toMatch(/^Saved at /);
    for (const [text, dept] of [
      ["Counsellor to visit Rukhsana Bano at the shelter", "District Child Protection Unit"],
      ["Shelter to send the attendance register", "Government Shelter Home"],
    ] as const) {
      await item
        .locator("details", { has: page.locator("summary", { hasText: "Add an action item" }) })
        .evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await item.getByLabel("Action", { exact: true }).last().fill(text);
      await item.getByLabel("Owning department").last().selectOption({ label: dept });
      await item
        .getByLabel("Due date")
        .last()
        .fill(addDays(todayIn("Asia/Kolkata"), 40));
      await item.getByRole("button", { name: "Add action item" }).click();
      await page.locator(".item-minutes").nth(4).getByText(text).waitFor();
    }
    await page.getByRole("button", { name: "Mark Meeting 7 as held" }).click();
    await page.getByRole("button", { name: "Yes, Meeting 7 was held early" }).click();
    await page.getByRole("heading", { name: "Close the meeting" }).waitFor({ state: "detached" });
    // Only now is her name recorded (fingerprinted) on a case: the action typed before it holds a protected name.
    await recordVictimName(page, "Rukhsana Bano");

    await openRunPage(page, { hydrated: false });
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    await page.getByRole("button", { name: "Circulate the minutes" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/action item \d+/i);

    // Back on the run page: the same name again is refused beside the field; the case code is accepted.
    await openRunPage(page, { hydrated: false });
    const guarded = page.locator(".item-minutes").nth(4).locator("li", { hasText: "Counsellor to visit" });
    await guarded.locator("summary", { hasText: "Change or drop this action" }).click();
    await guarded.getByLabel("Action", { exact: true }).fill("Counsellor to visit rukhsana bano again");
    await guarded.getByRole("button", { name: "Save the correction" }).click();
    await page.waitForURL(/\/actions\/\d+\/correct$/);
    await expect
      .poll(() => page.locator(".field-error").first().textContent())
      .toMatch(/^The action was not saved: it contains “rukhsana bano”/);
    expect(await page.getByLabel("Action", { exact: true }).inputValue()).toBe(
      "Counsellor to visit rukhsana bano again",
    );
    await page.getByLabel("Action", { exact: true }).fill("Counsellor to visit the victim at the shelter");
    await page
      .getByLabel("Owning department")
      .last()
      .selectOption({ label: "Department of Women and Child Development" });
    await page.getByRole("button", { name: "Save the correction" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Counsellor to visit the victim at the shelter");
    expect(await page.locator(".timeline").textContent()).toContain(
      "department from District Child Protection Unit to Department of Women and Child Development",
    );

    await openRunPage(page);
    const other = page
      .locator(".item-minutes")
      .nth(4)
      .locator("li", { hasText: "Shelter to send the attendance register" });
    await other.locator("summary", { hasText: "Change or drop this action" }).click();
    await other.getByLabel("Reason for dropping").fill("Recorded twice: the register was already sent.");
    await other.getByRole("button", { name: "Drop this action" }).click();
    await page.waitForURL(/\/run#item-\d+$/);
    await expect
      .poll(() => page.locator(".item-minutes").nth(4).locator("li", { hasText: "Shelter to send" }).textContent())
      .toContain("Dropped: Recorded twice");
    await page.goto("/actions?status=open");
    expect(await page.locator("main").textContent()).not.toContain("Shelter to send the attendance register");

    await page.goto(page.url().replace(/\/actions.*$/, "/meetings"));
    await page.getByRole("link", { name: "Meeting 7" }).click();
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    await page.getByRole("button", { name: "Circulate the minutes" }).click();
    await page.waitForURL(/\/sending\?batch=/);
    await context.close();
  });

  it("a correction after the minutes are confirmed is an amendment (JavaScript off)", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting 5" }).click();
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    const versionsBefore = await page.locator("main table tbody tr").count();
    await page.goto("/actions?meetingId=" + new URL(page.url()).pathname.split("/")[2]);
    await page.locator("main table tbody tr a").first().click();
    await page.waitForURL(/\/actions\/\d+$/);
    expect(await page.getByText("are confirmed: a correction is recorded as an amendment").count()).toBe(1);
    await page.getByLabel("Action", { exact: true }).fill("Police to file the supplementary chargesheet");
    await page.getByRole("button", { name: "Record the amendment" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator(".field-error").first().textContent()).toBe(
      "These minutes are confirmed: a correction is an amendment. Say who moved it.",
    );
    expect(await page.getByLabel("Action", { exact: true }).inputValue()).toBe(
      "Police to file the supplementary chargesheet",
    );
    await page.getByLabel("Amendment moved by").fill("Public Prosecutor");
    await page.getByRole("button", { name: "Record the amendment" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Police to file the supplementary chargesheet",
    );
    await page.getByRole("link", { name: /^Meeting 5$/ }).click();
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    expect(await page.locator("main table tbody tr").count()).toBe(versionsBefore + 1);
    expect(await page.locator("main").textContent()).toContain(
      "Action item corrected: Police to file the supplementary chargesheet",
    );
    await context.close();
  });

  it("Meeting 8's draft agenda follows by itself: Meeting 7's minutes to confirm, its actions under review, the dropped one gone", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings");
    const held = (await page.locator("tr", { hasText: "Meeting 7" }).textContent())!;
    const heldOn = /\d{2}\/\d{2}\/\d{4}/.exec(held)![0];
    await page.getByRole("link", { name: "Meeting 8" }).click();
    const agenda = page.locator(".agenda");
    expect(await agenda.textContent()).toContain(`Minutes of Meeting 7, held on ${heldOn}`);
    expect(await agenda.textContent()).toContain(
      "Department of Women and Child Development: Counsellor to visit the victim at the shelter",
    );
    expect(await agenda.textContent()).not.toContain("Shelter to send the attendance register");
    expect(await page.getByRole("status").filter({ hasText: "standing items were brought up to date" }).count()).toBe(
      1,
    );
    await page.reload();
    expect(await page.getByRole("status").filter({ hasText: "standing items were brought up to date" }).count()).toBe(
      0,
    );
    await context.close();
  });
});
