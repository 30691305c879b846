// The archive of the whole bench collective, with its memory sampled while it is written.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import type { Db } from "#db/client";
import { exportArchive } from "~/services/archive.server";

/**
 * The archive of the whole large collective, written to a file as `npm run archive` does, with the
 * leak guard's full protected set from above. Memory is sampled while it runs: it must stay flat
 * (the zip is a stream; the rows are read a page at a time), whatever the collective's size.
 */
export async function benchArchive(db: Db, databasePath: string) {
  const out = path.join(path.dirname(databasePath), "archive.zip");
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 50);
  const started = performance.now();
  const { stream, manifest } = exportArchive(db, {
    databasePath,
    collectiveId: 1,
    restricted: false,
    by: { userId: null, name: "bench" },
  });
  await pipeline(stream, fs.createWriteStream(out));
  const written = await manifest;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
  const rows = written?.files.reduce((n, f) => n + (f.rows ?? 0), 0) ?? 0;
  console.log(
    `\nArchive of the collective (${rows} rows in ${written?.files.length ?? 0} files, zip ${mb(fs.statSync(out).size)}; database ${mb(fs.statSync(databasePath).size)}):`,
  );
  console.log(`  written to a file:               ${seconds.toFixed(1)} s   target <= 120 s`);
  console.log(
    `  memory while writing:            RSS +${mb(peakRss - before.rss)}, heap +${mb(peakHeap - before.heapUsed)}   target: flat, <= +150 MB RSS whatever the size`,
  );
}
