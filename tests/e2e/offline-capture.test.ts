import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { accused, actionItems, agendaItems, cases, meetings } from "#db/schema";
import { addDays } from "~/lib/dates";
import { signIn, startApp, type RunningApp } from "./support/app";

// The network drops in the middle of a meeting: the secretariat goes on taking minutes, reloads,
// and finds everything sent, or shown as a conflict, when the network returns.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const database = () => openDatabase(path.join(app.dataDir, "testa.db"));
function itemNamed(title: string) {
  const db = database();
  const meeting = db.select().from(meetings).where(eq(meetings.number, 7)).get()!;
  const item = db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.title, title)))
    .get()!;
  db.$client.close();
  return { ...item, meetingDay: meeting.startsAt.slice(0, 10) };
}

async function openRunPage(page: Page) {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Meeting 7", exact: true }).click();
  await page.getByRole("link", { name: "Run the meeting" }).click();
  await page.waitForURL(/\/run$/);
  await page.getByRole("button", { name: "Start timer" }).first().waitFor();
}

/** The run page kept for offline use, in the worker's cache (it is kept once the worker runs). */
async function keptPages(page: Page) {
  return page.evaluate(async () => {
    const out: { name: string; urls: string[]; text: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const requests = await cache.keys();
      const pages = requests.filter((r) => !new URL(r.url).pathname.startsWith("/assets/"));
      out.push({
        name,
        urls: requests.map((r) => new URL(r.url).pathname),
        text: (await Promise.all(pages.map(async (r) => (await cache.match(r))!.text()))).join("\n"),
      });
    }
    return out;
  });
}

/** The FIR numbers and accused names found in a text: none may be kept on the device. */
function restrictedIn(text: string) {
  const db = database();
  const restricted = [
    ...db.select({ v: cases.firNumber }).from(cases).all(),
    ...db.select({ v: accused.name }).from(accused).all(),
  ]
    .map((r) => r.v)
    .filter((v): v is string => !!v);
  db.$client.close();
  return restricted.filter((v) => text.includes(v));
}

const statusOf = (page: Page, index: number) => page.locator(".item-minutes").nth(index).locator(".save-state");

describe("offline capture on the run page", () => {
  it("keeps a save made offline, shows it again after a reload offline, and sends it when the network is back", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openRunPage(page);
    // The notice shows until the page has loaded its scripts; then it goes.
    await expect.poll(() => page.getByText(/^Offline capture needs JavaScript/).count()).toBe(0);
    await expect
      .poll(async () => (await keptPages(page)).flatMap((c) => c.urls))
      .toContain(new URL(page.url()).pathname);
    const title = (await page.locator(".item-minutes h3").nth(1).textContent())!
      .replace(/^\d+\. /, "")
      .replace(/ \(\d+ min\)$/, "");

    await context.setOffline(true);
    const item = page.locator(".item-minutes").nth(1);
    await item.getByLabel("Discussion").fill("Typed while the hall's network was down.");
    await item.getByLabel("Minutes used").fill("12");
    await item.getByRole("button", { name: /^Save item 2$/ }).click();
    await expect.poll(() => statusOf(page, 1).textContent()).toBe("Saved on this device, not yet sent");
    expect(await page.getByText(/^The network is down\./).isVisible()).toBe(true);

    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Run Meeting 7");
    await expect
      .poll(() => page.locator(".item-minutes").nth(1).getByLabel("Discussion").inputValue())
      .toBe("Typed while the hall's network was down.");
    expect(await page.locator(".item-minutes").nth(1).getByLabel("Minutes used").inputValue()).toBe("12");
    await expect.poll(() => statusOf(page, 1).textContent()).toBe("Saved on this device, not yet sent");
    await page.screenshot({ path: "/tmp/i18/e2e-reloaded-offline.png" });

    await context.setOffline(false);
    await expect.poll(() => statusOf(page, 1).textContent()).toBe("Sent");
    expect(itemNamed(title)).toMatchObject({ discussion: "Typed while the hall's network was down.", minutesUsed: 12 });

    // Nothing restricted is on the device: the kept page has no FIR number and no accused's name.
    const kept = (await keptPages(page)).map((c) => c.text).join("\n");
    expect(kept).toContain("Run Meeting 7");
    expect(restrictedIn(kept)).toEqual([]);
    await context.close();
  });

  it("keeps the next meeting's agenda as last loaded, shows it offline as an offline copy, and signing out clears it", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting 7", exact: true }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    await page.getByRole("heading", { name: "For written update" }).waitFor();
    const agendaPath = new URL(page.url()).pathname;
    // Reached by a link: the page asks the worker to keep it.
    await expect.poll(async () => (await keptPages(page)).flatMap((c) => c.urls)).toContain(agendaPath);
    const items = await page.locator(".agenda-item__title").allTextContents();
    expect(items.length).toBeGreaterThan(3);

    await context.setOffline(true);
    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Meeting 7");
    const notice = page.getByText(/^Offline copy from /);
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /^Offline copy from \w{3}, \d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} [ap]m IST\.$/,
    );
    expect(await page.locator(".agenda-item__title").allTextContents()).toEqual(items);
    await page.screenshot({ path: "/tmp/i18/e2e-agenda-offline.png" });

    // Nothing restricted is on the device: the kept agenda has no FIR number and no accused's name.
    const kept = (await keptPages(page)).map((c) => c.text).join("\n");
    expect(kept).toContain("For written update");
    expect(restrictedIn(kept)).toEqual([]);

    // Back online, the page loads afresh and no longer says it is a copy.
    await context.setOffline(false);
    await expect.poll(() => page.getByText(/^Offline copy from /).count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: "/tmp/i18/e2e-agenda-back-online.png" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBe(0);
    await context.close();
  });

  it("shows the side-by-side conflict when a colleague online changed the item meanwhile; signing out warns, then clears the device", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openRunPage(page);
    await context.setOffline(true);
    const mine = page.locator(".item-minutes").nth(2);
    await mine.getByLabel("Decisions").fill("Mine: the DLSA assigns a panel lawyer.");
    await mine.getByRole("button", { name: /^Save item 3$/ }).click();
    await expect.poll(() => statusOf(page, 2).textContent()).toBe("Saved on this device, not yet sent");

    const colleague = await signIn(app, "admin@demo.testa");
    await openRunPage(colleague.page);
    const theirs = colleague.page.locator(".item-minutes").nth(2);
    await theirs.getByLabel("Decisions").fill("Theirs: the prosecutor opposes bail.");
    await theirs.getByRole("button", { name: /^Save item 3$/ }).click();
    await expect.poll(() => theirs.locator(".save-state").textContent()).toMatch(/^Saved at /);
    await colleague.context.close();

    await context.setOffline(false);
    const conflict = mine.locator(".conflict");
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.textContent()).toContain("Theirs: the prosecutor opposes bail.");
    expect(await mine.getByLabel("Decisions").inputValue()).toBe("Mine: the DLSA assigns a panel lawyer.");
    await page.screenshot({ path: "/tmp/i18/e2e-conflict.png", fullPage: false });
    // Reloading keeps both: theirs in the conflict, mine in the box.
    await page.reload();
    await expect.poll(() => page.locator(".item-minutes").nth(2).locator(".conflict").count()).toBe(1);
    expect(await page.locator(".item-minutes").nth(2).getByLabel("Decisions").inputValue()).toBe(
      "Mine: the DLSA assigns a panel lawyer.",
    );

    let warning = "";
    page.once("dialog", (dialog) => {
      warning = dialog.message();
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    expect(warning).toBe(
      "1 save made on this device while the network was down is not sent yet. Signing out deletes it. Sign out anyway?",
    );
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open("testa-offline", 1);
          req.onupgradeneeded = () => req.result.createObjectStore("saves", { keyPath: "id" });
          req.onsuccess = () => {
            const count = req.result.transaction("saves").objectStore("saves").count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(left).toBe(0);
    await context.close();
  });

  it("applies a replay whose answer was lost only once", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { serviceWorkers: "block" });
    await openRunPage(page);
    const index = 3;
    const item = page.locator(".item-minutes").nth(index);
    const title = (await item.locator("h3").textContent())!.replace(/^\d+\. /, "").replace(/ \(\d+ min\)$/, "");
    const before = itemNamed(title);
    await context.setOffline(true);
    await item.locator("summary", { hasText: /^Add an action item/ }).click();
    await item.getByLabel("Action").fill("Prosecution to file the reply to the bail application.");
    await item.getByLabel("Owning department").selectOption({ label: "Public Prosecutor's Office" });
    await item.getByLabel("Due date").fill(addDays(before.meetingDay, 14));
    await item.getByRole("button", { name: "Add action item" }).click();
    await expect.poll(() => item.getByText("Saved on this device, not yet sent").count()).toBe(1);
    await item.getByLabel("Discussion").fill("Bail hearing on the 14th.");
    await item.getByRole("button", { name: `Save item ${index + 1}` }).click();
    await expect.poll(() => statusOf(page, index).textContent()).toBe("Saved on this device, not yet sent");

    // The link drops again just after the server applied the first replay: its answer is lost.
    let lost = 0;
    await page.route("**/run.data*", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      await route.fetch();
      lost++;
      await route.abort("connectionreset");
    });
    await context.setOffline(false);
    await expect.poll(() => lost).toBeGreaterThan(0);
    await page.unroute("**/run.data*");
    await expect.poll(() => statusOf(page, index).textContent(), { timeout: 30_000 }).toBe("Sent");

    const db = database();
    const added = db
      .select()
      .from(actionItems)
      .where(
        and(
          eq(actionItems.agendaItemId, before.id),
          eq(actionItems.description, "Prosecution to file the reply to the bail application."),
        ),
      )
      .all();
    db.$client.close();
    expect(added).toHaveLength(1);
    expect(itemNamed(title)).toMatchObject({ discussion: "Bail hearing on the 14th.", version: before.version + 1 });
    // The page shows the action once it has loaded its data again after the replay.
    await expect.poll(() => item.getByText("Prosecution to file the reply to the bail application.").count()).toBe(1);
    await context.close();
  });

  it("says, without JavaScript, that offline capture needs it; the page saves online as before", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa", { javaScriptEnabled: false });
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Meeting 7", exact: true }).click();
    await page.getByRole("link", { name: "Run the meeting" }).click();
    await page.waitForURL(/\/run$/);
    expect(
      await page
        .getByText(
          "Offline capture needs JavaScript: it starts once the page has loaded it. Without it this page saves only while the network is up.",
        )
        .isVisible(),
    ).toBe(true);
    const item = page.locator(".item-minutes").nth(4);
    await item.getByLabel("Discussion").fill("Saved without JavaScript.");
    await item.getByRole("button", { name: /^Save item 5$/ }).click();
    await page.waitForLoadState("load");
    expect(await page.locator(".item-minutes").nth(4).getByLabel("Discussion").inputValue()).toBe(
      "Saved without JavaScript.",
    );
    await page.screenshot({ path: "/tmp/i18/e2e-no-js.png" });
    await context.close();
  });
});

describe("the offline worker after a deploy", () => {
  it("replaces the old build's cache with the new build's", async () => {
    const { page, context } = await signIn(app, "secretariat@demo.testa");
    await openRunPage(page);
    await expect.poll(async () => (await keptPages(page)).map((c) => c.name)).toHaveLength(1);
    const [old] = (await keptPages(page)).map((c) => c.name);
    const oldBuild = old!.replace(/^testa-/, "");

    // A new build: the same app with another build id, served on the same address.
    const next = path.resolve(".e2e-builds", `next-${process.pid}`);
    fs.rmSync(next, { recursive: true, force: true });
    fs.cpSync(path.resolve("build"), next, { recursive: true });
    const server = path.join(next, "server/index.js");
    fs.writeFileSync(server, fs.readFileSync(server, "utf8").replaceAll(`"${oldBuild}"`, `"${oldBuild}next"`));
    try {
      await app.restart(next);
      await page.reload();
      await expect.poll(async () => (await keptPages(page)).map((c) => c.name)).toEqual([`testa-${oldBuild}next`]);
      // The next load of the run page goes through the new worker, which keeps it in the new cache.
      await page.reload();
      await expect.poll(async () => (await keptPages(page))[0]!.urls).toContain(new URL(page.url()).pathname);
    } finally {
      await app.restart(path.resolve("build"));
      fs.rmSync(next, { recursive: true, force: true });
    }
    await context.close();
  });
});
