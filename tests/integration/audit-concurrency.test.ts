import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { verifyAuditLog } from "~/models/audit.server";
import { createCollective } from "../factories";
import { at } from "~/lib/at";

// Two processes write audit entries to one collective at once. SQLite lets one writer in at a time,
// and each entry is chained inside its write transaction, so the chain must hold with every entry in it.

function writer(collectiveId: number, count: number, tag: string, barrier: string) {
  const child = spawn(
    "npx",
    ["tsx", "tests/support/audit-writer.ts", String(collectiveId), String(count), tag, barrier],
    { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const ready = new Promise<void>((resolve) =>
    child.stdout.on("data", (d) => String(d).includes("ready") && resolve()),
  );
  const done = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${tag} exited ${code}: ${err}`)))),
  );
  return { ready, done };
}

describe("the audit chain under concurrent writers", () => {
  it("holds when two processes write to the same collective at once", async () => {
    const collective = createCollective(getDb(), { name: "Concurrent", districtCode: "CON" });
    const barrier = path.join(config().dataDir, `start-${collective.id}`);
    const writers = [writer(collective.id, 300, "a", barrier), writer(collective.id, 300, "b", barrier)];
    await Promise.all(writers.map((w) => w.ready));
    fs.writeFileSync(barrier, "");
    await Promise.all(writers.map((w) => w.done));
    const details = getDb()
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.collectiveId, collective.id))
      .all()
      .map((r) => r.detail!);
    expect(details).toHaveLength(600);
    // The two writers really did interleave, so the test tested something.
    const switches = details.filter((d, i) => i > 0 && d[0] !== at(details, i - 1)[0]).length;
    expect(switches).toBeGreaterThan(0);
    expect(verifyAuditLog(getDb(), collective.id)).toEqual({ ok: true, checked: 600 });
  }, 90_000);
});
