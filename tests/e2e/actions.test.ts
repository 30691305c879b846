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
    expect(await rep.page.getByRole("heading", { level: 2, name: /^Raise a matter for Meeting \d+/ }).count()).toBe(1);
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
    const review = await sec.page
      .locator(".agenda-item")
      .filter({ has: sec.page.locator(".agenda-item__title", { hasText: "Review of action items" }) })
      .textContent();
    expect(review).toContain(`${description}`);
    expect(review).toContain("(blocked: Waiting for the court's order copy)");
    // Overdue items are marked on the agenda as in the actions list: the row treatment and the word.
    const overdueLines = sec.page
      .locator(".agenda-item")
      .filter({ has: sec.page.locator(".agenda-item__title", { hasText: "Review of action items" }) })
      .locator("li.row--overdue");
    expect(await overdueLines.count()).toBeGreaterThan(0);
    for (const line of await overdueLines.all())
      expect(await line.locator(".badge--danger").textContent()).toBe("Overdue");
    await sec.page.goto("/reports/accountability?split=tenure");
    expect(await seriousViolations(sec.page)).toEqual([]);
    expect(await sec.page.locator("section[aria-labelledby=how]").textContent()).toContain(
      "4 = raised at least one matter for the agenda in the period (initiated)",
    );
    await sec.context.close();
  });

  it("a representative raises a matter without JavaScript, and the secretariat finds it on the next agenda", async () => {
    const title = "Counselling for children waiting to testify";
    const rep = await signIn(app, "dcpu@demo.testa", { javaScriptEnabled: false });
    await rep.page.goto("/actions");
    const card = rep.page.locator("section[aria-labelledby=raise-matter]");
    const heading = (await card.getByRole("heading", { level: 2 }).textContent())!;
    expect(heading).toMatch(/^Raise a matter for Meeting \d+ \(\d{2}\/\d{2}\/\d{4}\)$/);
    const number = heading.match(/Meeting (\d+)/)![1];
    // Without a title it is refused next to the field, and the minutes typed are kept.
    await card.getByLabel("Minutes needed").fill("20");
    await card.getByRole("button", { name: "Raise the matter" }).click();
    await expect
      .poll(() => rep.page.locator("section[aria-labelledby=raise-matter] .field-error").first().textContent())
      .toBe("Title is required.");
    expect(await card.getByLabel("Minutes needed").inputValue()).toBe("20");
    await card.getByLabel("Title").fill(title);
    const kase = card.getByLabel("Case (optional)");
    const code = (await kase.locator("option").nth(1).textContent())!;
    await kase.selectOption({ label: code });
    await card.getByRole("button", { name: "Raise the matter" }).click();
    await expect
      .poll(() => rep.page.locator(".notice").textContent())
      .toContain(`Added to the agenda of Meeting ${number}`);
    // (axe needs JavaScript: the first journey checks this page, card included, with it on.)
    await rep.context.close();

    const sec = await signIn(app, "secretariat@demo.testa");
    await sec.page.goto("/actions");
    expect(await sec.page.locator("section[aria-labelledby=raise-matter]").count()).toBe(0);
    await sec.page.goto("/meetings");
    await sec.page.getByRole("link", { name: `Meeting ${number}` }).click();
    const item = sec.page.locator(".agenda-item").filter({ hasText: title });
    await item.waitFor();
    const text = (await item.textContent())!;
    expect(text).toMatch(/Raised by District Child Protection Unit on \d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain(`${title} (${code})`);
    expect(text).toContain("presented by District Child Protection Unit");
    expect(text).toContain("20 minutes");
    await sec.context.close();
  });

  it("the secretariat filters by case and by meeting without JavaScript, and the run page marks overdue items", async () => {
    const sec = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await sec.page.goto("/actions");
    const kase = sec.page.getByLabel("Case", { exact: true });
    const code = (await kase.locator("option").nth(1).textContent())!;
    expect(code).toMatch(/^[A-Z]+-\d{4}-\d{4}$/);
    await kase.selectOption({ label: code });
    await sec.page.getByRole("button", { name: "Filter" }).click();
    await sec.page.waitForURL(/caseId=\d+/);
    const caseCells = await sec.page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(caseCells.length).toBeGreaterThan(0);
    expect(new Set(caseCells)).toEqual(new Set([code]));
    expect(await sec.page.getByLabel("Case", { exact: true }).inputValue()).not.toBe("");

    // The meeting whose items include an overdue one, chosen from the list by its label.
    await sec.page.goto("/actions");
    const overdueRow = sec.page
      .locator("tbody tr.row--overdue")
      .filter({ has: sec.page.locator("td:nth-child(4)", { hasText: /^Meeting \d+$/ }) })
      .first();
    const agreedAt = (await overdueRow.locator("td:nth-child(4)").textContent())!;
    const meeting = sec.page.getByLabel("Meeting", { exact: true });
    const label = (await meeting
      .locator("option")
      .filter({ hasText: new RegExp(`^${agreedAt}, \\d{2}/\\d{2}/\\d{4}$`) })
      .textContent())!;
    await meeting.selectOption({ label });
    await sec.page.getByRole("button", { name: "Filter" }).click();
    await sec.page.waitForURL(/meetingId=\d+/);
    const meetingId = new URL(sec.page.url()).searchParams.get("meetingId");
    expect(new Set(await sec.page.locator("tbody tr td:nth-child(4)").allTextContents())).toEqual(new Set([agreedAt]));
    const overdueHere = await sec.page.locator("tbody tr.row--overdue").count();
    expect(overdueHere).toBeGreaterThan(0);

    await sec.page.goto(`/meetings/${meetingId}/run`);
    const marked = sec.page.locator(".item-minutes li.row--overdue");
    expect(await marked.count()).toBe(overdueHere);
    for (const line of await marked.all()) expect(await line.locator(".badge--danger").textContent()).toBe("Overdue");
    await sec.context.close();
  });
});
