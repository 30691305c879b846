import crypto from "node:crypto";
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import { finished } from "node:stream/promises";
import yazl from "yazl";
import { openDatabase, type Conn } from "#db/client";
import { renderAgendaPdf, type AgendaDocument } from "#templates/pdf/agenda";
import { renderBriefPdf } from "#templates/pdf/brief";
import { streamPdf } from "#templates/pdf/document";
import { renderMinutesPdf, type MinutesDocument } from "#templates/pdf/minutes";
import { version as productVersion } from "../../package.json";
import { csvBom, csvLine } from "~/lib/csv";
import { outOfScope, type GuardScope } from "~/lib/protected-text";
import {
  agendaVersionBody,
  beginSnapshot,
  departmentsOf,
  endSnapshot,
  frozenVersionsOf,
  meetingsOf,
  minutesVersionBody,
} from "~/models/archive.server";
import { audit } from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";
import { agendaPdfPath, briefPdfPath, figureFiles, minutesPdfPath } from "./archive-documents.server";
import { tableFiles, type Clean, type TableFile } from "./archive-files.server";
import { buildBrief } from "./brief.server";
import { findProtected, protectedSet, rewriteProtected } from "./identity.server";
import { errorFields, log } from "./log.server";
import { mapTexts } from "./page-mask.server";

// The archive a collective takes with it: a zip of CSVs, the frozen agendas and minutes and the
// departments' briefs as PDFs, and a manifest with every file's SHA-256. Written as a stream, one
// entry after another, from one consistent read of the database; nothing of it is held whole (CSVs
// go out 64 KB at a time, their rows read a page at a time; each PDF page by page, streamPdf).

export type ArchiveRequest = {
  /** Read on a connection of its own, in one read transaction: the archive is one moment. */
  databasePath: string;
  collectiveId: number;
  /** FIR numbers and years, accused persons' names, event notes. */
  restricted: boolean;
  by: { userId: number | null; name: string };
  now?: Date;
};

export type ManifestFile = {
  path: string;
  sha256: string;
  bytes: number;
  rows?: number;
  protectedTextReplaced?: number;
};
export type Manifest = {
  format: "TESTA Desk archive 1";
  product: "TESTA Desk";
  productVersion: string;
  collective: { code: string; name: string; district: string; state: string; timeZone: string };
  createdAt: string;
  createdBy: string;
  restrictedFields: { included: boolean; fields: string[] };
  /** Free-text stretches that named a protected person, place or number, replaced by their stand-in. */
  protectedTextReplaced: number;
  files: ManifestFile[];
  leftOut: { what: string; why: string }[];
};

export const restrictedFieldNames = ["cases.csv: fir_number, fir_year", "accused.csv: name", "events.csv: note"];

/** The archive's file name: codes and a date only. */
export function archiveFileName(districtCode: string, now: Date): string {
  return `archive-${districtCode}-${now.toISOString().slice(0, 10)}.zip`;
}

const readme = (m: Pick<Manifest, "collective" | "createdAt" | "restrictedFields">) =>
  [
    `TESTA Desk archive of ${m.collective.name} (${m.collective.district}, ${m.collective.state}), made ${m.createdAt}.`,
    "",
    "Cases are named by their case code and victims by their pseudonym code only. Every CSV is UTF-8",
    "with a byte-order mark (Excel shows Devanagari), comma-separated, one record a line; dates are",
    "ISO (YYYY-MM-DD) and instants UTC. Values such as a stage or a status are the product's own words.",
    "",
    "manifest.json lists every file with its SHA-256: `sha256sum <file>` must print the same.",
    "It also says what was left out of this archive, and why.",
    m.restrictedFields.included
      ? "This archive HOLDS RESTRICTED FIELDS (FIR numbers, accused persons' names, event notes): keep it where only authorised people can read it."
      : "This archive holds no restricted field (FIR numbers, accused persons' names, event notes).",
    "",
  ].join("\r\n");

function leftOut(restricted: boolean, replaced: number, skipped: { what: string; why: string }[]) {
  return [
    ...(restricted
      ? []
      : [
          {
            what: `Restricted fields (${restrictedFieldNames.join("; ")})`,
            why: "Not asked for: they are exported only when the administrator asks for them (“Include restricted fields”, or --with-restricted).",
          },
        ]),
    {
      what: "Victims' identities",
      why: `The law (BNS s.72, POCSO s.23, JJ Act s.74) forbids disclosing anything that may identify a victim. The product stores no victim's name; each protected name, place or number found in free text was replaced by its stand-in (her pseudonym code, "the father of V-0042", "[phone number removed]"): ${replaced} in this archive.`,
    },
    {
      what: "Identity fingerprints and identity records",
      why: "Keyed hashes for matching a person across cases: useless without this deployment's identity key, and with it a way to test a guess at a name. They stay with the deployment.",
    },
    {
      what: "Accounts' passwords, sessions, sign-in attempts and set-password links",
      why: "Credentials of this deployment, of no use elsewhere and dangerous to carry. The officers who held each seat are in seats-and-tenures.csv.",
    },
    {
      what: "The outbox (every email)",
      why: "Each email carried an agenda or minutes whose frozen versions are here as PDFs, and some carried set-password links.",
    },
    {
      what: "Draft agendas and draft minutes",
      why: "Only what was published or circulated is a record: a draft changes until then. Agenda items as last saved are in agenda-items.csv.",
    },
    {
      what: "The audit log",
      why: "It stays with the deployment, whose hash chain it is (npm run audit:verify); the administrator exports it from /settings/audit as CSV.",
    },
    ...skipped,
  ];
}

/**
 * The archive, written as `stream` is read (from the first read on, never before); `manifest`
 * resolves once it is complete (null if it failed or the reader went away, which is logged).
 * The export is audited before the first byte, with whether restricted fields are in it.
 */
export function exportArchive(
  auditDb: Conn,
  request: ArchiveRequest,
): { stream: Readable; fileName: string; manifest: Promise<Manifest | null> } {
  const now = request.now ?? new Date();
  const { collectiveId, restricted } = request;
  const collective = getCollective(auditDb, collectiveId);
  const fileName = archiveFileName(collective.districtCode, now);
  audit(auditDb, {
    collectiveId,
    userId: request.by.userId,
    action: "export:archive",
    entity: "collective",
    entityId: collectiveId,
    detail: `${fileName}, ${restricted ? "with" : "without"} restricted fields`,
  });

  const zip = new yazl.ZipFile();
  const stream = zip.outputStream as Readable;
  let current: PassThrough | null = null;
  let complete = false;
  stream.once("close", () => {
    if (!complete) current?.destroy(new Error("The archive's reader went away."));
  });

  const write = async (): Promise<Manifest> => {
    const db = openDatabase(request.databasePath);
    beginSnapshot(db);
    try {
      const set = protectedSet(db, collectiveId);
      let replaced = 0;
      const clean: Clean = (text, scope: GuardScope = "open") => {
        if (!text || text.length < 2) return text ?? null;
        let matches = outOfScope(findProtected(text, set), scope);
        if (restricted) matches = outOfScope(matches, "restricted");
        if (!matches.length) return text;
        replaced += matches.length;
        return rewriteProtected(text, matches);
      };
      const cleanDocument = <T>(doc: T): T => mapTexts(doc, (text, scope) => clean(text, scope) ?? text);
      const files: ManifestFile[] = [];
      const skipped: { what: string; why: string }[] = [];

      type Chunks = Iterable<string | Buffer> | AsyncIterable<string | Buffer>;
      const add = async (path: string, chunks: Chunks, rows?: number | (() => number)) => {
        const before = replaced;
        const hash = crypto.createHash("sha256");
        let bytes = 0;
        const entry = new PassThrough();
        current = entry;
        zip.addReadStream(entry, path, { mtime: now });
        for await (const chunk of chunks) {
          const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
          hash.update(buffer);
          bytes += buffer.length;
          if (!entry.write(buffer)) await once(entry, "drain");
        }
        entry.end();
        await finished(entry);
        const counted = typeof rows === "function" ? rows() : rows;
        files.push({
          path,
          sha256: hash.digest("hex"),
          bytes,
          ...(counted === undefined ? {} : { rows: counted }),
          ...(replaced > before ? { protectedTextReplaced: replaced - before } : {}),
        });
      };
      const addTable = (file: TableFile) => {
        let rows = 0;
        const chunks = function* () {
          let batch = csvBom + csvLine(file.header);
          for (const row of file.rows()) {
            rows++;
            batch += csvLine(row);
            if (batch.length > 64_000) {
              yield batch;
              batch = "";
            }
          }
          yield batch;
        };
        return add(file.path, chunks(), () => rows);
      };

      const restrictedFields = { included: restricted, fields: restricted ? restrictedFieldNames : [] };
      const about = {
        code: collective.districtCode,
        name: collective.name,
        district: collective.district,
        state: collective.state,
        timeZone: collective.timeZone,
      };
      await add("README.txt", [readme({ collective: about, createdAt: now.toISOString(), restrictedFields })]);
      for (const file of tableFiles({ db, collectiveId, restricted, clean })) await addTable(file);
      for (const figure of figureFiles(db, collectiveId)) await add(figure.path, [figure.text]);
      for (const meeting of meetingsOf(db, collectiveId)) {
        const versions = frozenVersionsOf(db, meeting.id);
        for (const v of versions.agenda) {
          const doc = cleanDocument(JSON.parse(agendaVersionBody(db, v.id)) as AgendaDocument);
          await add(agendaPdfPath(meeting.number, v.version), renderAgendaPdf(doc, { draft: false }, streamPdf));
        }
        for (const v of versions.minutes) {
          const body = JSON.parse(minutesVersionBody(db, v.id)) as Partial<MinutesDocument>;
          if (!body.items || !body.attendance) {
            skipped.push({
              what: `The PDF of version ${v.version} of the minutes of meeting ${meeting.number}`,
              why: "It was frozen in an older form that holds no document; its row is in minutes-versions.csv.",
            });
            continue;
          }
          await add(
            minutesPdfPath(meeting.number, v.version),
            renderMinutesPdf(cleanDocument(body as MinutesDocument), streamPdf),
          );
        }
      }
      for (const department of departmentsOf(db, collectiveId)) {
        if (!department.active) {
          skipped.push({
            what: `The brief of ${department.name}`,
            why: "The department is no longer active: it has no current brief.",
          });
          continue;
        }
        await add(
          briefPdfPath(department.id),
          renderBriefPdf(cleanDocument(buildBrief(db, collectiveId, department.id)), streamPdf),
        );
      }

      const manifest: Manifest = {
        format: "TESTA Desk archive 1",
        product: "TESTA Desk",
        productVersion,
        collective: about,
        createdAt: now.toISOString(),
        createdBy: request.by.name,
        restrictedFields,
        protectedTextReplaced: replaced,
        files,
        leftOut: leftOut(restricted, replaced, skipped),
      };
      zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + "\n"), "manifest.json", { mtime: now });
      zip.end();
      complete = true;
      return manifest;
    } finally {
      endSnapshot(db);
      db.$client.close();
    }
  };

  // Nothing is read until someone reads the zip: a response that is never sent holds no transaction.
  const manifest = new Promise<Manifest | null>((resolve) => {
    stream.once("resume", () =>
      write().then(resolve, (error: unknown) => {
        log("error", "archive export failed", errorFields(error));
        stream.destroy(error instanceof Error ? error : new Error("The archive export failed."));
        resolve(null);
      }),
    );
  });
  return { stream, fileName, manifest };
}
