import type { Db } from "#db/client";
import { withStatementCache } from "#db/statement-cache";
import { config } from "~/config.server";
import { crossCaseFingerprints } from "~/lib/identity";
import { audit } from "~/models/audit.server";
import { updateCase } from "~/models/case.server";
import { importWriter, registerRevision } from "~/models/case-import.server";
import { victimSchema } from "~/schemas/case";
import type { ImportCheck } from "./check.server";
import type { ImportAction } from "./plan.server";

// Writes a checked register in one transaction: every row, or (if anything fails) none. Ordinary
// saves wait for that transaction (SQLite lets one writer in at a time; a save gives up after the
// busy timeout, db/client.ts), so it holds the write lock as briefly as it can: every fingerprint
// is computed before it begins, every statement is prepared, and each row is only written.

export type ImportResult = Record<ImportAction, number>;

/** The register changed between the check and the commit: nothing was written; check the file again. */
export class RegisterChangedError extends Error {
  constructor() {
    super(
      "The case register changed since this file was checked (someone saved a case). Nothing was imported: check the file again.",
    );
  }
}

// A register says nothing of a victim's age: she is recorded as an adult of 18 to 25, to be
// corrected on the case page (the schema insists a minor's band is under 18).
const importedVictim = (() => {
  const {
    intent: _i,
    victimId: _v,
    version: _version,
    ...fields
  } = victimSchema.parse({ intent: "add-victim", ageBand: "18_25" });
  return fields;
})();

export function tally(check: Pick<ImportCheck, "rows">): ImportResult {
  const counts: ImportResult = { new: 0, update: 0, unchanged: 0, duplicate: 0 };
  for (const row of check.rows) counts[row.action]++;
  return counts;
}

export const tallySentence = (t: ImportResult) =>
  `${t.new} new, ${t.update} updated, ${t.unchanged} unchanged${t.duplicate ? `, ${t.duplicate} repeated row${t.duplicate > 1 ? "s" : ""} skipped` : ""}`;

export function commitImport(
  db: Db,
  who: { collectiveId: number; id: number | null; today: string },
  check: ImportCheck,
  progress: (done: number, total: number) => void = () => {},
): ImportResult {
  if (check.fileProblems.length || check.problems.length) throw new Error("A register with problems is never written.");
  // The accused persons' cross-case fingerprints, as the case form makes them (recordIdentity):
  // keyed hashes, the costliest part of a row, made before the write lock is taken.
  const key = config().IDENTITY_KEY;
  const fingerprinted = check.rows.map((row) =>
    row.accused.map((input) => ({
      input,
      fps: crossCaseFingerprints(key, { name: input.name, birthYear: null, extra: null }),
    })),
  );
  // Every row runs the same few queries (updateCase's): each is prepared once. BEGIN IMMEDIATE
  // takes the write lock at once, so no save can slip in between the revision's read and the writes.
  return withStatementCache(db, () =>
    db.transaction(
      (tx) => {
        if (registerRevision(tx, who.collectiveId) !== check.revision) throw new RegisterChangedError();
        const writer = importWriter(tx, who.collectiveId, importedVictim);
        check.rows.forEach((row, i) => {
          if (i % 250 === 249) progress(i + 1, check.rows.length);
          if (row.action === "unchanged" || row.action === "duplicate") return;
          let caseId: number;
          if (row.current) {
            caseId = row.current.id;
            const caseChanges = row.changes.some(
              (c) => !["accused", "victims", "next_hearing_on", "notes"].includes(c),
            );
            if (caseChanges && !updateCase(tx, row.current, { ...row.input, version: row.current.version }, who.today))
              throw new RegisterChangedError();
          } else {
            caseId = writer.createCase({ ...row.input, code: row.code, stageChangedOn: who.today });
          }
          for (const { input, fps } of fingerprinted[i]!) {
            const person = writer.addAccused(caseId, input);
            if (fps) writer.fingerprintAccused(caseId, person.id, fps);
          }
          writer.addVictims(caseId, row.victimCodes);
          if (row.event) writer.saveEvent(caseId, row.event.eventId, row.event, who.id);
        });
        progress(check.rows.length, check.rows.length);
        // One entry for the whole register, in the same transaction (an entry per case would double
        // the time of a large import): its counts, never a value.
        const counts = tally(check);
        audit(tx, {
          collectiveId: who.collectiveId,
          userId: who.id,
          action: "import:cases",
          entity: "data",
          detail: tallySentence(counts),
        });
        return counts;
      },
      { behavior: "immediate" },
    ),
  );
}
