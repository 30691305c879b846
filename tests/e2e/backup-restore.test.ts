import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import { demoPassword, seedDemo } from "../../scripts/seed/demo";
import { todayIn } from "~/lib/dates";
import { backupTo } from "~/services/backup.server";
import { freePort } from "./support/app";

// A backup taken while another process keeps writing is one consistent moment; restored into a
// fresh folder it has the same rows, and the app starts on it and signs a person in.

const root = fs.mkdtempSync(path.join(os.tmpdir(), "testa-backup-"));
const live = path.join(root, "live", "testa.db");
let db: Db;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = openDatabase(live);
  migrateDatabase(db);
  await seedDemo(db, { today: todayIn("Asia/Kolkata") });
  fs.writeFileSync(path.join(root, "live", "session-secret"), "the-live-session-secret-0123456789-abcdef\n");
  fs.writeFileSync(path.join(root, "live", "identity-key"), "the-live-identity-key-0123456789-abcdefgh\n");
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  db?.$client.close();
  fs.rmSync(root, { recursive: true, force: true });
});

// Another process: each transaction adds an action item and its first update, so a consistent
// copy holds as many of one as of the other. Bounded: 20 s at most.
const writerScript = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.pragma("busy_timeout = 5000");
const dept = db.prepare("select id from departments order by id limit 1").get().id;
const item = db.prepare("insert into action_items (collective_id, department_id, description, due_on) values (1, ?, 'Written under load', '2026-12-31')");
const update = db.prepare("insert into action_item_updates (action_item_id, field, to_value) values (?, 'status', 'open')");
const write = db.transaction(() => { const id = item.run(dept).lastInsertRowid; update.run(id); });
const end = Date.now() + 20000;
let n = 0;
const tick = () => { for (let i = 0; i < 50; i++) write(); n += 50; if (n % 500 === 0) process.stdout.write("w"); if (Date.now() < end) setImmediate(tick); else db.close(); };
tick();
`;

const tables = (d: Db) =>
  (
    d.$client
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[]
  ).map((t) => t.name);
const counts = (d: Db) =>
  Object.fromEntries(
    tables(d).map((t) => [t, (d.$client.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]),
  );
const underLoad = (d: Db) =>
  d.$client
    .prepare(
      "select (select count(*) from action_items where description = 'Written under load') as items, (select count(*) from action_item_updates u join action_items a on a.id = u.action_item_id where a.description = 'Written under load') as updates",
    )
    .get() as { items: number; updates: number };

describe("a backup under writes, restored into a fresh folder", () => {
  it("has the same rows, and the app starts on it and signs in", async () => {
    const writer = spawn(process.execPath, ["-e", writerScript, live], { cwd: process.cwd() });
    children.push(writer);
    await new Promise<void>((resolve) => writer.stdout!.once("data", () => resolve()));
    const backupDir = path.join(root, "backup");
    await backupTo(db, path.dirname(live), backupDir);
    const writtenBefore = underLoad(db).items;
    writer.kill();

    for (const name of ["testa.db", "session-secret", "identity-key"])
      expect(fs.existsSync(path.join(backupDir, name)), name).toBe(true);
    const copy = openDatabase(path.join(backupDir, "testa.db"));
    const inBackup = counts(copy);
    const loaded = underLoad(copy);
    copy.$client.close();
    expect(loaded.items).toBeGreaterThan(0);
    expect(loaded.updates).toBe(loaded.items);
    expect(loaded.items).toBeLessThanOrEqual(writtenBefore);

    const fresh = path.join(root, "fresh", "testa.db");
    const env = { ...process.env, DATABASE_PATH: fresh, SESSION_SECRET: "", TESTA_DEMO: "1", DAILY_BACKUP: "0" };
    const restored = spawnSync("npx", ["tsx", "scripts/restore.ts", backupDir], { env, encoding: "utf8" });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("Every session has ended");
    expect(fs.readFileSync(path.join(root, "fresh", "identity-key"), "utf8")).toContain("the-live-identity-key");
    expect(fs.readFileSync(path.join(root, "fresh", "session-secret"), "utf8")).not.toContain(
      "the-live-session-secret",
    );

    const back = openDatabase(fresh);
    const after = counts(back);
    back.$client.close();
    // A restore itself ends sessions, stamps the mark and writes its audit entries.
    for (const t of Object.keys(inBackup).filter((t) => !["sessions", "backup_marks", "audit_log"].includes(t)))
      expect(after[t], t).toBe(inBackup[t]);

    const port = await freePort();
    const server = spawn("npx", ["tsx", "scripts/start.ts"], {
      env: { ...env, PORT: String(port), APP_URL: `http://localhost:${port}` },
      detached: true,
    });
    children.push(server);
    try {
      await new Promise<void>((resolve, reject) => {
        let out = "";
        server.stdout!.on("data", (chunk) => {
          out += chunk;
          if (out.includes("is serving")) resolve();
        });
        server.once("exit", (code) => reject(new Error(`the server stopped (${code}): ${out}`)));
      });
      const url = `http://localhost:${port}`;
      const signIn = await fetch(`${url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
        body: new URLSearchParams({ email: "secretariat@demo.testa", password: demoPassword, redirectTo: "" }),
      });
      expect(signIn.status).toBe(302);
      const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
      const meetings = await fetch(`${url}/meetings`, { headers: { Cookie: cookie } });
      expect(meetings.status).toBe(200);
      expect(await meetings.text()).toContain("Meeting");
    } finally {
      process.kill(-server.pid!, "SIGTERM");
    }
  }, 120_000);
});
