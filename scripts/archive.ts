// `npm run archive -- [--collective CODE] [--with-restricted] OUT.zip`: writes the collective's
// archive (CSVs, the frozen agendas and minutes and the briefs as PDFs, manifest.json with every
// file's SHA-256) as a stream, so memory stays flat however large the collective.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { openDatabase } from "#db/client";
import { ConfigError, loadConfig } from "~/config.server";
import { collectiveByCode } from "~/models/archive.server";
import { exportArchive } from "~/services/archive.server";

const usage = "Usage: npm run archive -- [--collective CODE] [--with-restricted] OUT.zip";

function parseArgs(args: string[]) {
  const out: { collective?: string; restricted: boolean; file?: string } = { restricted: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--collective") out.collective = args[++i];
    else if (arg === "--with-restricted") out.restricted = true;
    else if (arg.startsWith("--") || out.file) throw new ConfigError(`${usage}\n(did not understand "${arg}")`);
    else out.file = arg;
  }
  if (!out.file || !/\.zip$/i.test(out.file))
    throw new ConfigError(`${usage}\n(give the archive's file name, ending in .zip)`);
  return out as typeof out & { file: string };
}

try {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_PATH);
  const { collective, all } = collectiveByCode(db, args.collective);
  if (!collective) {
    const codes = all.map((c) => `${c.districtCode} (${c.name})`).join(", ");
    throw new ConfigError(
      args.collective
        ? `No collective has the code ${args.collective}. There are: ${codes}.`
        : `This database holds several collectives: give one with --collective CODE (${codes}).`,
    );
  }
  if (fs.existsSync(args.file)) throw new ConfigError(`${args.file} already exists: give a new file name.`);
  const started = Date.now();
  const { stream, manifest } = exportArchive(db, {
    databasePath: config.DATABASE_PATH,
    collectiveId: collective.id,
    restricted: args.restricted,
    by: { userId: null, name: "npm run archive" },
  });
  await pipeline(stream, fs.createWriteStream(args.file, { flags: "wx" }));
  const written = await manifest;
  db.$client.close();
  if (!written) throw new Error("The archive could not be written; see the log line above.");
  const rows = written.files.reduce((n, f) => n + (f.rows ?? 0), 0);
  console.log(
    `Wrote ${args.file}: ${written.files.length} files (${rows} rows of records) for ${collective.name}, ${args.restricted ? "WITH restricted fields" : "without restricted fields"}, in ${((Date.now() - started) / 1000).toFixed(1)} s. manifest.json holds every file's SHA-256 and what was left out.`,
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
