import type { Conn } from "#db/client";
import { todayIn } from "~/lib/dates";
import { getCollective } from "~/models/collective.server";
import { checkRegister, type ImportCheck, type Who } from "./check.server";
import { readRegister } from "./sheet.server";

// The import from a file to a checked plan, shared by the page and the CLI.

export function importer(db: Conn, collectiveId: number, userId: number | null): Who {
  const collective = getCollective(db, collectiveId);
  return { collectiveId, id: userId, districtCode: collective.districtCode, today: todayIn(collective.timeZone) };
}

/** Reads and checks a register file; a file that cannot be read at all comes back as its one problem. */
export async function checkFile(
  db: Conn,
  who: Who,
  file: { name: string; bytes: Uint8Array },
  progress?: (done: number, total: number) => void,
): Promise<ImportCheck> {
  const read = await readRegister(file.name, file.bytes);
  if (!read.ok)
    return {
      collectiveId: who.collectiveId,
      columns: [],
      fileProblems: [read.problem],
      problems: [],
      rows: [],
      revision: "",
    };
  return checkRegister(db, who, read.sheet, progress);
}
