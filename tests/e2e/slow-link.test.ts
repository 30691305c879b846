import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApp, type RunningApp } from "./support/app";

// On a slow district link every byte counts: what the server sends is compressed, and the
// fingerprinted assets are kept by the browser for a year (a new build has new names).
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("what the server sends over a slow link", () => {
  it("compresses pages and assets, and lets the browser keep fingerprinted assets", async () => {
    const page = await fetch(`${app.url}/login`, { headers: { "Accept-Encoding": "gzip" } });
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    const script = html.match(/\/assets\/entry\.client-[\w-]+\.js/)?.[0];
    expect(script).toBeDefined();
    const asset = await fetch(`${app.url}${script}`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(asset.headers.get("content-encoding")).toBe("br");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("the long agenda page", () => {
  it("folds the written-update list and the second copy of an action, without JavaScript; print shows them all", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting 7", exact: true }).click();
    await page.getByRole("heading", { name: "For written update" }).waitFor();
    const written = page.locator(".written-updates li").first();
    expect(await written.isVisible()).toBe(false);
    const escalated = page.locator(".agenda-item", { hasText: "Escalations" }).locator("details.folded li").first();
    expect(await escalated.isVisible()).toBe(false);
    const copy = (await escalated.textContent())!;
    // The first copy stays in view, under the review of action items.
    expect(
      await page
        .locator(".agenda-item", { hasText: "Review of action items" })
        .locator("li", { hasText: copy })
        .first()
        .isVisible(),
    ).toBe(true);

    await page.locator("summary", { hasText: /for written update$/ }).click();
    expect(await written.isVisible()).toBe(true);
    await page.locator("summary", { hasText: /also listed under the review of action items$/ }).click();
    expect(await escalated.isVisible()).toBe(true);

    await page.reload();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".written-updates li").first().isVisible()).toBe(true);
    expect(
      await page.locator(".agenda-item", { hasText: "Escalations" }).locator("details.folded li").first().isVisible(),
    ).toBe(true);
    expect(await page.locator("summary").first().isVisible()).toBe(false);
    await context.close();
  });
});
