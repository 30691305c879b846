import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { verifyAuditLog } from "~/models/audit.server";
import { backupTo, completeRestore } from "~/services/backup.server";
import { handRestoredCopy } from "../support/hand-restore";
import { cookieFor } from "../support/remix";

// Back up with SQLite's online backup API while the app's connection is open, restore into a fresh
// folder with `npm run restore`, and check: the same rows, and no session from before the restore.

const tablesOf = (db: ReturnType<typeof openDatabase>) =>
  (
    db.$client
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[]
  ).map((t) => t.name);
const rowsOf = (db: ReturnType<typeof openDatabase>, table: string) =>
  db.$client.prepare(`select * from "${table}" order by rowid`).all();
// What a backup and a restore themselves change: sessions end, a mark is kept, each is audited.
const changedByRestore = new Set(["sessions", "backup_marks", "audit_log"]);

describe("backup and restore", () => {
  it("restores the same rows into a fresh folder, and ends every session from before", async () => {
    const cookie = await cookieFor("secretariat@demo.testa");
    expect(cookie).toBeTruthy();
    const live = getDb();
    const backupDir = path.join(config().dataDir, "backup-1");
    await backupTo(live, config().dataDir, backupDir);
    expect(fs.existsSync(path.join(backupDir, "testa.db"))).toBe(true);
    expect(fs.existsSync(path.join(backupDir, "identity-key"))).toBe(true);

    const fresh = path.join(config().dataDir, "restored", "testa.db");
    fs.mkdirSync(path.dirname(fresh), { recursive: true });
    fs.writeFileSync(
      path.join(path.dirname(fresh), "session-secret"),
      "an-old-secret-that-signed-the-old-cookies-0123\n",
    );
    const out = execFileSync("npx", ["tsx", "scripts/restore.ts", backupDir], {
      env: { ...process.env, DATABASE_PATH: fresh, SESSION_SECRET: "" },
      encoding: "utf8",
    });
    expect(out).toContain("Every session has ended");

    const restored = openDatabase(fresh);
    try {
      expect(tablesOf(restored)).toEqual(tablesOf(live));
      for (const table of tablesOf(live).filter((t) => !changedByRestore.has(t)))
        expect(rowsOf(restored, table), table).toEqual(rowsOf(live, table));
      expect(rowsOf(restored, "sessions")).toEqual([]);
      expect(rowsOf(live, "sessions").length).toBeGreaterThan(0);
      // The cookie-signing secret is new, so an old cookie does not even parse.
      expect(fs.readFileSync(path.join(path.dirname(fresh), "session-secret"), "utf8")).not.toContain("an-old-secret");
      expect(restored.$client.prepare("select restored_at from backup_marks").all()).toEqual([
        { restored_at: expect.any(String) },
      ]);
      const collectiveId = (
        restored.$client.prepare("select id from collectives order by id limit 1").get() as { id: number }
      ).id;
      expect(verifyAuditLog(restored, collectiveId).ok).toBe(true);
      expect(
        restored.$client
          .prepare("select action from audit_log where collective_id = ? order by id desc limit 2")
          .all(collectiveId),
      ).toEqual([{ action: "restore" }, { action: "backup" }]);
      // Opening it again is not another restore.
      expect(completeRestore(restored)).toBe(false);
    } finally {
      restored.$client.close();
    }
  }, 60_000);

  it("is detected at start-up when a backup file is copied into place by hand", async () => {
    const db = await handRestoredCopy("by-hand");
    try {
      expect(completeRestore(db)).toBe(true);
      expect(rowsOf(db, "sessions")).toEqual([]);
    } finally {
      db.$client.close();
    }
  });

  it("refuses to overwrite a database that holds data unless --force is given", async () => {
    const backupDir = path.join(config().dataDir, "backup-3");
    await backupTo(getDb(), config().dataDir, backupDir);
    const target = path.join(config().dataDir, "in-use", "testa.db");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await getDb().$client.backup(target);
    const before = fs.readFileSync(target);
    const restore = (...args: string[]) =>
      spawnSync("npx", ["tsx", "scripts/restore.ts", ...args], {
        env: { ...process.env, DATABASE_PATH: target, SESSION_SECRET: "" },
        encoding: "utf8",
      });

    const refused = restore(backupDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${target} already holds data`);
    expect(refused.stderr).toContain("--force");
    expect(fs.readFileSync(target).equals(before)).toBe(true);

    const forced = restore("--force", backupDir);
    expect(forced.status, forced.stderr).toBe(0);
    const restored = openDatabase(target);
    try {
      expect(restored.$client.prepare("select restored_at from backup_marks").all()).toEqual([
        { restored_at: expect.any(String) },
      ]);
    } finally {
      restored.$client.close();
    }
  }, 60_000);
});
