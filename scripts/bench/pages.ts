// The collective's pages at 5,000 cases, for one user, through the built app's own request handler
// (loader, page render, HTML): what a request costs the server, without the network.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { Db } from "#db/client";
import { at } from "~/lib/at";
import { createSessionCookie } from "~/services/auth.server";
import { buildIfStale } from "../build-if-stale";
import { fmtCpu, verdict } from "./timing";

const origin = "http://localhost:3000";

/** A secretariat account of collective 1 and its session cookie (the app's own sign-in session). */
export async function benchSession(db: Db): Promise<string> {
  const user = db.$client
    .prepare(
      "insert into users (collective_id, email, name, role) values (1, 'bench-secretariat@bench.testa', 'Bench Secretariat', 'secretariat')",
    )
    .run();
  const cookie = await createSessionCookie(new Request(origin), Number(user.lastInsertRowid));
  return at(cookie.split(";"), 0);
}

/** The pages the issue names, with the ids of collective 1's planned and latest held meeting. */
export function benchPages(db: Db): string[] {
  const meeting = (status: string) =>
    (
      db.$client
        .prepare("select id from meetings where collective_id = 1 and status = ? order by starts_at desc limit 1")
        .get(status) as { id: number }
    ).id;
  const planned = meeting("planned");
  const held = meeting("held");
  return [
    "/cases",
    "/actions",
    `/meetings/${planned}`,
    `/meetings/${held}`,
    `/meetings/${planned}/run`,
    "/reports/outcomes",
    "/reports/accountability",
  ];
}

async function timeAsync(runs: number, fn: () => Promise<void>) {
  for (let i = 0; i < 2; i++) await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    median: at(samples, Math.floor(runs / 2)),
    p95: at(samples, Math.min(runs - 1, Math.floor(runs * 0.95))),
    cpu: at(cpu, Math.floor(runs / 2)),
  };
}

export async function benchCollectivePages(db: Db, runs = 20) {
  buildIfStale();
  const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
  const handle = createRequestHandler(build, "production");
  const cookie = await benchSession(db);
  console.log(`\nCollective pages at 5,000 cases, one user, built app's handler (HTML rendered), ${runs} runs:`);
  for (const page of benchPages(db)) {
    let bytes = 0;
    const t = await timeAsync(runs, async () => {
      const res = await handle(new Request(origin + page, { headers: { Cookie: cookie } }));
      if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
      bytes = (await res.arrayBuffer()).byteLength;
    });
    console.log(
      `  ${page.padEnd(26)} ${fmtCpu(t)}, ${(bytes / 1024).toFixed(0)} KB   target p95 <= 150 ms: ${t.p95 <= 150 ? "met" : verdict({ median: t.p95, cpu: t.cpu }, 150)}`,
    );
  }
}
