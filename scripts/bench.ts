// `npm run bench`: builds a large collective in a temporary SQLite file and prints timings.
// Figures are printed, never asserted: targets are stated beside them. Each part is in scripts/bench/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import { meetings } from "#db/schema";
import { generateAgenda } from "~/lib/agenda/generate";
import { agendaContextFor } from "~/services/agenda.server";
import { outcomesFor } from "~/services/outcomes.server";
import { benchArchive } from "./bench/archive";
import { build, rawReads, sizes } from "./bench/build";
import { benchLeakGuard } from "./bench/leak-guard";
import { benchMinutesPdf } from "./bench/minutes-pdf";
import { benchCollectivePages } from "./bench/pages";
import { fmt, time } from "./bench/timing";
import { benchImport } from "./bench-import";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "testa-bench-"));
// The app's own modules (sessions, the built handler) open the bench file too.
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.DAILY_BACKUP = "0";
const started = performance.now();
try {
  const db = openDatabase(path.join(dir, "bench.db"));
  migrateDatabase(db);
  const t0 = performance.now();
  build(db);
  const n = (x: number) => x.toLocaleString("en-US");
  console.log(
    `Built a state of ${sizes.collectives} collectives: ${n(sizes.collectives * sizes.cases)} cases (about a third decided), ${n(sizes.collectives * sizes.cases * sizes.eventsPerCase)} events, ${n(sizes.collectives * sizes.cases * sizes.actionItemsPerCase)} action items in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(fs.statSync(path.join(dir, "bench.db")).size / 2 ** 20).toFixed(0)} MB.${sizes.eventsPerCase < 20 ? ` Fewer events than the 3.6 million asked (BENCH_EVENTS=${sizes.eventsPerCase} a case).` : ""}`,
  );
  console.log("Every figure below is for collective 1 (5,000 cases) inside that file.");
  const meeting = db.select().from(meetings).where(eq(meetings.status, "planned")).get()!;
  const { ctx, agendaCases } = agendaContextFor(db, meeting);
  const runs = 20;

  const raw = time(runs, () => rawReads(db, ctx.meetingDate));
  const pure = time(runs, () => generateAgenda(agendaCases, ctx));
  const whole = time(runs, () => {
    const input = agendaContextFor(db, meeting);
    generateAgenda(input.agendaCases, input.ctx);
  });
  const items = generateAgenda(agendaCases, ctx);
  console.log(
    `\nAgenda for ${agendaCases.length} cases (${items.items.length} items, ${items.writtenUpdates.length} for written update), ${runs} runs:`,
  );
  console.log(`  raw SQL reads it needs:          ${fmt(raw)}`);
  console.log(`  generation (rules, rank, fit):   ${fmt(pure)}   target <= 25 ms`);
  console.log(
    `  reads + generation, end to end:  ${fmt(whole)}   target <= 2x raw reads (${(whole.median / raw.median).toFixed(2)}x)`,
  );

  const secretariat = {
    id: 0,
    collectiveId: 1,
    email: "",
    name: "",
    role: "secretariat" as const,
    departmentId: null,
    tenureId: null,
  };
  const dashboard = time(10, () => outcomesFor(db, secretariat));
  console.log(`\nOutcomes dashboard figures (${sizes.cases} cases, ${sizes.cases} victims), 10 runs:`);
  console.log(`  reads + figures:                 ${fmt(dashboard)}   target <= 300 ms`);
  const observer = { ...secretariat, role: "observer" as const };
  const observed = time(10, () => outcomesFor(db, observer));
  console.log(`  as an observer (counts hidden):  ${fmt(observed)}   target <= 300 ms`);

  await benchCollectivePages(db);
  console.log(
    "\nState roll-up (/state, every collective):  not measured yet (the roll-up page has not landed)   target p95 <= 300 ms",
  );
  benchLeakGuard(db);
  await benchImport(db);
  await benchMinutesPdf();
  await benchArchive(db, path.join(dir, "bench.db"));
  console.log(`\nThe whole bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
