import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import { seedDemo } from "../../../scripts/seed/demo";
import { todayIn } from "~/lib/dates";
import { startServer } from "../../../server";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export type RunningApp = {
  url: string;
  dataDir: string;
  browser: Browser;
  stop: () => Promise<void>;
  /** Serves another build on the same address (a deploy): the browser sees the same site. */
  restart: (buildDir: string) => Promise<void>;
};

/** What each page's scripts reported as errors (a failed test prints them). */
export const pageErrors = new WeakMap<Page, string[]>();
/** The exceptions no script caught, in any page, since the current test began: each fails the test. */
export const uncaughtInPages: string[] = [];

/** The browsers of the apps now running in this test file (a failed test prints what their pages show). */
export const runningBrowsers = new Set<Browser>();

/**
 * The built app, served on a free port over a freshly seeded demo database in its own folder,
 * and a headless Debian Chromium to drive it. One per test file.
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "testa-e2e-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  Object.assign(process.env, {
    DATABASE_PATH: path.join(dataDir, "testa.db"),
    PORT: String(port),
    APP_URL: url,
    TESTA_DEMO: "1",
    // No daily backup (and its audit entries) in the middle of a test: tests/integration/backup-*.test.ts cover it.
    DAILY_BACKUP: "0",
    ...env,
  });
  const db = openDatabase(process.env.DATABASE_PATH!);
  migrateDatabase(db);
  await seedDemo(db, { today: todayIn("Asia/Kolkata") });
  db.$client.close();

  let server = await startServer({ port });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  runningBrowsers.add(browser);
  return {
    url,
    dataDir,
    browser,
    stop: async () => {
      runningBrowsers.delete(browser);
      await browser.close();
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    restart: async (buildDir) => {
      await server.close();
      server = await startServer({ port, buildDir });
    },
  };
}

export async function signIn(app: RunningApp, email: string, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context: BrowserContext = await app.browser.newContext({
    baseURL: app.url,
    viewport: { width: 1366, height: 768 },
    locale: "en-IN",
    timezoneId: "Asia/Kolkata",
    ...options,
  });
  context.on("page", (opened) => {
    const errors: string[] = [];
    pageErrors.set(opened, errors);
    opened.on("pageerror", (error) => {
      errors.push(`${error.message}\n${error.stack ?? ""}`);
      uncaughtInPages.push(`${opened.url()}: ${error.message}`);
    });
    opened.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
  });
  const page: Page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("testa-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  // The URL changes before the new page has rendered: wait for the sign-in form to be gone.
  await page.waitForFunction(() => !document.querySelector('input[name="password"]'));
  return { context, page };
}

/**
 * As the secretariat: opens the register's first case and records a victim's name on its first
 * victim's identity record (fingerprinted, then discarded).
 */
export async function recordVictimName(page: Page, name: string) {
  await page.goto("/cases");
  await page
    .getByRole("link", { name: /^DEM-\d{4}-\d{4}$/ })
    .first()
    .click();
  await page.waitForURL(/\/cases\/\d+$/);
  // A raid case lists several victims: take the first victim's form.
  const details = page
    .locator("details")
    .filter({ has: page.locator("summary", { hasText: /^Identity record of V-\d{4}$/ }) })
    .first();
  await details.locator("summary").click();
  await details.getByLabel(/^Name of V-\d{4}$/).fill(name);
  await details.getByRole("button", { name: "Fingerprint and discard" }).click();
  await page.waitForLoadState("load");
}
