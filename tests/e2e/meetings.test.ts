import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { signIn, startApp, type RunningApp } from "./support/app";
import { seriousViolations } from "./support/axe";
import { must } from "../support/present";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const itemTitles = (page: import("playwright-core").Page) =>
  page.locator(".agenda .agenda-item__title").allTextContents();

describe("the monthly meeting, from agenda to inbox", () => {
  it("reorders the agenda without JavaScript", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting 7" }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    await page.locator(".agenda .agenda-item__title").first().waitFor();
    const before = await itemTitles(page);
    await page.getByRole("button", { name: `Move up: ${must(before[3]).replace("Pinned", "").trim()}` }).click();
    await page.waitForLoadState("load");
    const after = await itemTitles(page);
    expect(after[2]).toBe(before[3]);
    expect(after[3]).toBe(before[2]);
    await context.close();
  });

  it("generates, publishes, shows progress, and the emails appear in the Outbox", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await page.goto("/meetings");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Meeting 7" }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    await page.getByRole("link", { name: "Publish agenda" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const reasons = await page.locator(".agenda .reasons li").allTextContents();
    expect(reasons.length).toBeGreaterThan(5);

    await page.getByRole("button", { name: "Regenerate from cases" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Agenda regenerated.");

    await page.getByRole("link", { name: "Publish agenda" }).click();
    await page.waitForURL(/\/publish$/);
    await page.getByRole("button", { name: /^Publish and email/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /^Publish and email 9 seat holders$/ }).click();
    await page.waitForURL(/\/sending\?batch=/);
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 20_000 })
      .toContain("9 of 9 emails delivered");
    expect(await seriousViolations(page)).toEqual([]);

    // The secretariat follows the send-out into the Outbox and opens one department's email.
    await page.getByRole("link", { name: "Open the Outbox" }).click();
    await page.waitForURL(/\/outbox$/);
    await page.getByRole("heading", { name: "Outbox" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const subjects = await page.locator("tbody tr td:nth-child(3) a").allTextContents();
    expect(subjects.filter((s) => s.startsWith("Agenda: Demo District collective, Meeting 7"))).toHaveLength(9);
    // Other mail (reminders, welcomes) may sit above the agenda messages; open an agenda one.
    await page
      // The agenda itself, not an "Updated agenda: …" one (hasText with a string ignores case and position).
      .locator("tbody tr td:nth-child(3) a", { hasText: /^Agenda: Demo District collective, Meeting 7/ })
      .first()
      .click();
    await page.waitForURL(/\/outbox\/\d+$/);
    await page.getByRole("link", { name: "agenda-meeting-7.pdf" }).waitFor();
    expect(await page.getByText("Calendar invitation (request)").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // The preview below the fold is painted in a full-page screenshot, without scrolling to it first.
    const frame = (await page.locator("iframe.mail-frame").boundingBox())!;
    expect(frame.y).toBeGreaterThan(768);
    const shot = await page.screenshot({ fullPage: true, clip: frame });
    expect(await coloursIn(context, shot)).toBeGreaterThan(20);
    await context.close();
  });
});

/** How many distinct colours a screenshot holds: a blank frame has its background and border only. */
async function coloursIn(context: BrowserContext, png: Buffer): Promise<number> {
  const blank = await context.newPage();
  const n = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext("2d")!;
    g.drawImage(img, 0, 0);
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return seen.size;
  }, png.toString("base64"));
  await blank.close();
  return n;
}
