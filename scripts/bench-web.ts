// `npm run bench:web`: the meeting pages on a slow district link, and the main pages under 8 concurrent users. Serves the built app over a
// freshly seeded demo database and drives Chromium. Figures are printed beside their targets,
// never asserted (speed belongs here, not in a timed test).
import zlib from "node:zlib";
import type { Page, Response } from "playwright-core";
import { signIn, startApp, type RunningApp } from "../tests/e2e/support/app";
import { buildIfStale } from "./build-if-stale";
import { benchConcurrency } from "./bench/load";

// Chromium's network throttling, as a slow 3G district link: 400 kbit/s each way, 400 ms round trip.
const slowLink = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gzipSize = (body: Buffer) => zlib.gzipSync(body, { level: 6 }).length;

function line(label: string, figure: string, target: string, ok: boolean) {
  console.log(`  ${label.padEnd(44)}${figure.padStart(10)}   target ${target}${ok ? "" : "   OVER"}`);
}

/** Every script the page loads until the network is quiet, gzip-compressed one by one, as served. */
async function scriptsOf(page: Page, url: string) {
  const scripts = new Map<string, number>();
  const onResponse = async (response: Response) => {
    if (response.request().resourceType() !== "script" || !response.ok()) return;
    scripts.set(response.url(), gzipSize(await response.body()));
  };
  page.on("response", onResponse);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("response", onResponse);
  return [...scripts.values()].reduce((a, b) => a + b, 0);
}

/** The meetings' agenda pages, as HTML: the longest one, gzip-compressed. */
async function longestAgenda(page: Page) {
  await page.goto("/meetings");
  const links = await page
    .locator("a[href^='/meetings/']")
    .evaluateAll((as) => [
      ...new Set(as.map((a) => a.getAttribute("href")!).filter((h) => /^\/meetings\/\d+$/.test(h))),
    ]);
  let longest = { path: "", bytes: 0, gzip: 0 };
  for (const path of links) {
    const body = await (await page.request.get(path, { headers: { "Accept-Encoding": "identity" } })).body();
    if (body.length > longest.bytes) longest = { path, bytes: body.length, gzip: gzipSize(body) };
  }
  return longest;
}

/**
 * A first visit over the slow link (nothing cached): when the page is readable (first contentful
 * paint) and when its first form is usable with JavaScript (React has hydrated the page).
 */
async function overSlowLink(app: RunningApp, path: string) {
  const { context, page } = await signIn(app, "secretariat@demo.testa", { serviceWorkers: "block" });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.emulateNetworkConditions", slowLink);
  await page.goto(path, { waitUntil: "commit", timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName("testa:hydrated").length > 0, null, {
    timeout: 60_000,
  });
  const figures = await page.evaluate(() => ({
    readable: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    usable: performance.getEntriesByName("testa:hydrated")[0]!.startTime,
  }));
  await context.close();
  return figures;
}

async function main() {
  buildIfStale();
  // The server's request log (one JSON line a request) would bury the figures.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('{"time"') ? true : write(chunk, ...rest)) as typeof process.stdout.write;
  const app = await startApp();
  try {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { serviceWorkers: "block" });
    await page.goto("/meetings");
    const next = await page
      .getByRole("link", { name: /^Meeting \d+$/ })
      .first()
      .getAttribute("href");
    const runPath = `${next}/run`;
    const runJs = await scriptsOf(page, runPath);
    const agenda = await longestAgenda(page);
    const runHtml = await (await page.request.get(runPath, { headers: { "Accept-Encoding": "identity" } })).body();
    const cookie = (await context.cookies())
      .filter((c) => new URL(app.url).hostname === c.domain)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    await context.close();

    console.log("Size (gzip -6, as the server sends it):");
    line("JavaScript loaded by the run page", kb(runJs), "<= 120 KB", runJs <= 120 * 1024);
    line(`HTML of the longest agenda page (${agenda.path})`, kb(agenda.gzip), "<= 60 KB", agenda.gzip <= 60 * 1024);
    line("HTML of the run page", kb(gzipSize(runHtml)), "(for reference)", true);

    console.log("\nFirst visit over a slow link (400 kbit/s, 400 ms RTT, nothing cached):");
    const run = await overSlowLink(app, runPath);
    line("run page readable (first contentful paint)", s(run.readable), "<= 4 s", run.readable <= 4000);
    line("run page first form usable (hydrated)", s(run.usable), "<= 4 s", run.usable <= 4000);
    const agendaTimes = await overSlowLink(app, agenda.path);
    line(
      "agenda page readable (first contentful paint)",
      s(agendaTimes.readable),
      "<= 5 s",
      agendaTimes.readable <= 5000,
    );
    line("agenda page first form usable (hydrated)", s(agendaTimes.usable), "<= 5 s", agendaTimes.usable <= 5000);
    // The demo collective's main pages, over HTTP on this machine (the same server, no throttling).
    const held = agenda.path;
    await benchConcurrency(app.url, cookie, [
      "/cases",
      "/actions",
      `${next}`,
      held === next ? "/meetings" : held,
      runPath,
      "/reports/outcomes",
      "/reports/accountability",
    ]);
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
