import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";

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
