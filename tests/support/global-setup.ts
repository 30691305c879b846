import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import { seedDemo } from "../../scripts/seed/demo";
import { testToday } from "./constants";

// Builds one migrated, demo-seeded database per run. Every test file then works on its own copy
// (tests/support/worker-db.ts), so files run in parallel on real SQLite without sharing state.
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "testa-tests-"));
  const base = path.join(dir, "base.db");
  const db = openDatabase(base);
  migrateDatabase(db);
  await seedDemo(db, { today: testToday });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  project.provide("baseDatabase", base);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}
