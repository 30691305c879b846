import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { migrationsFolder, pendingMigrations } from "#db/migrate";
import { collectives } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { dailyFolder } from "~/lib/backup-rotation";
import { addDays } from "~/lib/dates";
import { backupsDir, dailyBackup, prepareDatabase } from "~/services/backup.server";

// The server's own backups, on an injected clock: once a day into <data folder>/backups/, rotated
// to 7 daily and 4 weekly copies; and one before each migration.

const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe("the daily backup", () => {
  it("is taken once a day, keeps 7 daily and 4 weekly copies, and leaves other folders alone", async () => {
    const dataDir = config().dataDir;
    const root = backupsDir(dataDir);
    // Forty days of earlier backups (placeholders: the rotation only reads folder names).
    const today = "2026-12-01";
    for (let n = 1; n <= 40; n++) {
      const folder = path.join(root, dailyFolder(addDays(today, -n)));
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, "testa.db"), "");
    }
    fs.mkdirSync(path.join(root, "pre-migration-2026-10-01T00-00-00-000Z"), { recursive: true });

    const first = await dailyBackup(getDb(), dataDir, at(today));
    expect(first.taken).toBe(path.join(root, dailyFolder(today), "testa.db"));
    const copy = openDatabase(first.taken!);
    try {
      expect(copy.select().from(collectives).all().length).toBeGreaterThan(0);
    } finally {
      copy.$client.close();
    }
    expect(fs.existsSync(path.join(root, dailyFolder(today), "identity-key"))).toBe(true);
    const left = fs.readdirSync(root).sort();
    const daily = left.filter((f) => f.startsWith("daily-"));
    expect(daily).toHaveLength(11);
    expect(left).toContain("pre-migration-2026-10-01T00-00-00-000Z");
    expect(daily.slice(-7)).toEqual([6, 5, 4, 3, 2, 1, 0].map((n) => dailyFolder(addDays(today, -n))));

    // Later the same day (a restart, the hourly check): nothing new.
    const again = await dailyBackup(getDb(), dataDir, new Date(`${today}T20:00:00Z`));
    expect(again).toEqual({ taken: null, removed: [] });
  }, 60_000);
});

describe("before a migration", () => {
  it("backs a database holding data up into backups/pre-migration-…, then migrates it", async () => {
    // A database one migration behind: migrated from a copy of the folder without its last entry.
    const dir = path.join(config().dataDir, "older");
    const older = path.join(dir, "migrations");
    fs.cpSync(migrationsFolder, older, { recursive: true });
    const journalFile = path.join(older, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: unknown[] };
    journal.entries.pop();
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const db = openDatabase(path.join(dir, "testa.db"));
    try {
      const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
      migrate(db, { migrationsFolder: older });
      expect(pendingMigrations(db)).toBe(1);
      // Raw SQL, in the older schema's columns: the latest migration may add a column to this table.
      db.$client
        .prepare("insert into collectives (name, district, district_code, state) values (?, ?, ?, ?)")
        .run("Older TESTA", "Older", "OLD", "Maharashtra");

      const prepared = await prepareDatabase(db, new Date("2026-12-01T05:06:07.089Z"));
      expect(prepared.backedUpTo).toBe(path.join(dir, "backups", "pre-migration-2026-12-01T05-06-07-089Z", "testa.db"));
      expect(pendingMigrations(db)).toBe(0);
      const copy = openDatabase(prepared.backedUpTo!);
      try {
        expect(pendingMigrations(copy)).toBe(1);
        expect(copy.select({ name: collectives.name }).from(collectives).all()).toEqual([{ name: "Older TESTA" }]);
      } finally {
        copy.$client.close();
      }
      // Nothing to migrate: no backup.
      expect((await prepareDatabase(db)).backedUpTo).toBeNull();
    } finally {
      db.$client.close();
    }
  });

  it("takes none of a new, empty database", async () => {
    const db = openDatabase(path.join(config().dataDir, "new", "testa.db"));
    try {
      expect((await prepareDatabase(db)).backedUpTo).toBeNull();
      expect(fs.existsSync(path.join(config().dataDir, "new", "backups"))).toBe(false);
    } finally {
      db.$client.close();
    }
  });
});
