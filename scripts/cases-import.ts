// `npm run cases:import -- [--dry-run] [--collective CODE] FILE`: imports a case register (.csv or
// .xlsx, the template in the README). Every row is checked first; one bad row and nothing is
// written, each problem printed as `row N: <column>: <what is wrong>`, and the exit code is 1.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "#db/client";
import { ConfigError, loadConfig } from "~/config.server";
import { collectiveByDistrictCode } from "~/models/case-import.server";
import { listCollectives } from "~/models/collective.server";
import { problemLine } from "~/services/case-import/check.server";
import { commitImport, tally, tallySentence } from "~/services/case-import/commit.server";
import { checkFile, importer } from "~/services/case-import/run.server";

const usage = "npm run cases:import -- [--dry-run] [--collective CODE] FILE";

try {
  const { values, positionals } = parseArgs({
    options: { "dry-run": { type: "boolean" }, collective: { type: "string" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ConfigError(`Give one file to import: ${usage}`);
  if (!fs.existsSync(file)) throw new ConfigError(`There is no file ${file}.`);
  const db = openDatabase(loadConfig().DATABASE_PATH);
  const collectives = listCollectives(db);
  const collective = values.collective
    ? collectiveByDistrictCode(db, values.collective)
    : collectives.length === 1
      ? collectives[0]
      : undefined;
  if (!collective) {
    throw new ConfigError(
      values.collective
        ? `No collective has the district code ${values.collective}; the codes are ${collectives.map((c) => c.districtCode).join(", ") || "(none yet)"}.`
        : `This database holds ${collectives.length} collectives: say which with --collective CODE (${collectives.map((c) => c.districtCode).join(", ")}).`,
    );
  }
  const who = importer(db, collective.id, null);
  const check = await checkFile(db, who, { name: path.basename(file), bytes: fs.readFileSync(file) });
  const problems = [...check.fileProblems, ...check.problems.map(problemLine)];
  if (problems.length) {
    for (const line of problems) console.error(line);
    console.error(
      `Nothing was imported: ${problems.length} problem${problems.length > 1 ? "s" : ""}. Correct the file and run the import again.`,
    );
    process.exit(1);
  }
  const counts = values["dry-run"] ? tally(check) : commitImport(db, who, check);
  for (const row of check.rows)
    console.log(
      `row ${row.row}: ${row.action === "duplicate" ? `repeats row ${row.duplicateOf}` : row.action}: ${row.code}${row.changes.length ? ` (${row.changes.join(", ")})` : ""}`,
    );
  console.log(
    `${values["dry-run"] ? "Dry run, nothing written" : `Imported into ${collective.name}`}: ${tallySentence(counts)}.`,
  );
  db.$client.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
