import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  accused,
  auditLog,
  caseDepartments,
  caseEvents,
  cases,
  collectives,
  departments,
  identityFingerprints,
  identityMatches,
  victims,
} from "#db/schema";
import { getDb } from "~/db.server";
import { problemLine } from "~/services/case-import/check.server";
import { commitImport, tally } from "~/services/case-import/commit.server";
import { checkFile, importer } from "~/services/case-import/run.server";
import { recordIdentity } from "~/services/identity.server";
import { importLimits } from "~/lib/case-import/columns";

// The import of an existing case register, through the same service the page and the CLI use,
// on a real SQLite copy of the demo collective.

const db = getDb();
let demo: { id: number };
beforeAll(() => {
  demo = db.select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
});

const header =
  "case_code,police_station,fir_number,fir_year,sections,court,court_case_number,stage,status,outcome,opened_on,closed_on,next_hearing_on,lead_department,accused,victims,notes";
const good = [
  header,
  ',Sitabuldi,9001,2024,"BNS 143, ITPA 4",Exclusive Trafficking Court,SC 12/2024,chargesheet,open,,03/02/2024,,15/01/2027,police,Ramesh Kale; Suresh Bhau,2,Accused Kale runs the lodge',
  ",Wadi,9002,2024,ITPA 5,,,Investigation,Open,,2024-05-20,,,Police – Anti-Human-Trafficking Unit,,V-7001;V-7002,",
  ",Kamptee,9003,2023,BNS 143,Exclusive Trafficking Court,SC 40/2023,judgment,closed,convicted,11/07/2023,30/09/2025,,prosecution,Imran Shaikh,1,",
].join("\r\n");

const bytes = (text: string) => new TextEncoder().encode(text);
const who = () => importer(db, demo.id, null);
const check = (name: string, content: string | Uint8Array) =>
  checkFile(db, who(), { name, bytes: typeof content === "string" ? bytes(content) : content });
const caseCount = () => db.select({ n: count() }).from(cases).where(eq(cases.collectiveId, demo.id)).get()!.n;
const byFir = (fir: string) =>
  db
    .select()
    .from(cases)
    .where(and(eq(cases.collectiveId, demo.id), eq(cases.firNumber, fir)))
    .get()!;
const lines = (result: Awaited<ReturnType<typeof check>>) => [
  ...result.fileProblems,
  ...result.problems.map(problemLine),
];
const totals = () => {
  const n = (
    table: typeof accused | typeof victims | typeof caseEvents | typeof caseDepartments | typeof identityFingerprints,
  ) => db.select({ n: count() }).from(table).get()!.n;
  return {
    cases: caseCount(),
    accused: n(accused),
    victims: n(victims),
    events: n(caseEvents),
    departments: n(caseDepartments),
    fingerprints: n(identityFingerprints),
  };
};

describe("importing a case register", () => {
  it("imports a UTF-8 CSV with a byte-order mark: codes issued, accused fingerprinted, victims by code, the next hearing and note on the timeline", async () => {
    const before = caseCount();
    const result = await check("register.csv", "\uFEFF" + good);
    expect(lines(result)).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.action])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "new"],
    ]);
    expect(commitImport(db, who(), result)).toEqual({ new: 3, update: 0, unchanged: 0, duplicate: 0 });
    expect(caseCount()).toBe(before + 3);

    const first = byFir("9001");
    expect(first.code).toMatch(/^DEM-2024-\d{4}$/);
    expect(first).toMatchObject({
      policeStation: "Sitabuldi",
      firYear: 2024,
      sections: "BNS 143, ITPA 4",
      stage: "chargesheet",
      status: "open",
      openedOn: "2024-02-03",
      courtCaseNumber: "SC 12/2024",
    });
    const names = db
      .select()
      .from(accused)
      .where(eq(accused.caseId, first.id))
      .all()
      .map((a) => a.name);
    expect(names).toEqual(["Ramesh Kale", "Suresh Bhau"]);
    const fps = db
      .select()
      .from(identityFingerprints)
      .where(and(eq(identityFingerprints.caseId, first.id), eq(identityFingerprints.subjectKind, "accused")))
      .all();
    expect(fps).toHaveLength(2);
    expect(db.select().from(victims).where(eq(victims.caseId, first.id)).all()).toHaveLength(2);
    const event = db.select().from(caseEvents).where(eq(caseEvents.caseId, first.id)).get()!;
    expect(event).toMatchObject({
      kind: "other",
      nextDate: "2027-01-15",
      note: "Accused Kale runs the lodge",
      outcome: "Imported from the case register",
    });

    const second = byFir("9002");
    expect(
      db
        .select({ code: victims.code })
        .from(victims)
        .where(eq(victims.caseId, second.id))
        .all()
        .map((v) => v.code),
    ).toEqual(["V-7001", "V-7002"]);
    const lead = db
      .select()
      .from(caseDepartments)
      .innerJoin(departments, eq(departments.id, caseDepartments.departmentId))
      .where(eq(caseDepartments.caseId, second.id))
      .all();
    expect(lead.map((l) => [l.departments.kind, l.case_departments.role])).toEqual([["police", "lead"]]);
    expect(byFir("9003")).toMatchObject({
      status: "closed",
      outcome: "convicted",
      closedOn: "2025-09-30",
      stage: "judgment",
    });

    const entry = db.select().from(auditLog).where(eq(auditLog.action, "import:cases")).all().at(-1)!;
    expect(entry.detail).toBe("3 new, 0 updated, 0 unchanged");
  });

  it("changes nothing when the same file comes again, and updates only the row that changed", async () => {
    const before = totals();
    const again = await check("register.csv", good);
    expect(again.rows.map((r) => r.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    commitImport(db, who(), again);
    expect(totals()).toEqual(before);

    const moved = good.replace(
      "chargesheet,open,,03/02/2024,,15/01/2027,police,Ramesh Kale; Suresh Bhau",
      "charges_framed,open,,03/02/2024,,20/02/2027,police,Ramesh Kale; Suresh Bhau; Salim Khan",
    );
    const update = await check("register.csv", moved);
    expect(update.rows.map((r) => [r.action, r.changes])).toEqual([
      ["update", ["stage", "accused", "next_hearing_on"]],
      ["unchanged", []],
      ["unchanged", []],
    ]);
    commitImport(db, who(), update);
    const first = byFir("9001");
    expect(first.stage).toBe("charges_framed");
    expect(totals()).toEqual({ ...before, accused: before.accused + 1, fingerprints: before.fingerprints + 1 });
    expect(
      db
        .select()
        .from(caseEvents)
        .where(eq(caseEvents.caseId, first.id))
        .all()
        .map((e) => e.nextDate),
    ).toEqual(["2027-02-20"]);
  });

  it("flags an imported accused who is on another case, as the case form does, within the file too", async () => {
    // An accused person on a demo case, fingerprinted as the case form does when it adds one.
    const known = db
      .select({ id: accused.id, name: accused.name, caseId: accused.caseId })
      .from(accused)
      .innerJoin(cases, eq(cases.id, accused.caseId))
      .where(eq(cases.collectiveId, demo.id))
      .get()!;
    recordIdentity(
      db,
      { collectiveId: demo.id, caseId: known.caseId, subjectKind: "accused", subjectId: known.id },
      { name: known.name, birthYear: null, extra: null },
    );
    const file = [
      header,
      `,Sitabuldi,9401,2022,ITPA 5,,,chargesheet,open,,03/02/2022,,,police,${known.name},1,`,
      ",Sitabuldi,9402,2022,ITPA 5,,,chargesheet,open,,04/02/2022,,,police,Yusuf Qadri Pathanwala,1,",
      ",Wadi,9403,2022,ITPA 5,,,chargesheet,open,,05/02/2022,,,police,Yusuf Qadri Pathanwala,1,",
    ].join("\n");
    const checked = await check("matches.csv", file);
    expect(lines(checked)).toEqual([]);
    commitImport(db, who(), checked);
    const [first, second, third] = ["9401", "9402", "9403"].map((fir) => byFir(fir).id);
    const pairs = db
      .select({ a: identityMatches.caseId, b: identityMatches.otherCaseId, kind: identityMatches.subjectKind })
      .from(identityMatches)
      .all()
      .filter((m) => [first, second, third].includes(m.a));
    expect(pairs).toEqual([
      { a: first, b: known.caseId, kind: "accused" },
      { a: third, b: second, kind: "accused" },
    ]);
  });

  it("matches by case code too, and reads semicolons, Devanagari labels and cells, and Excel serials in a CSV", async () => {
    const code = byFir("9002").code;
    const semicolons = [
      "Case Code;Police Station;FIR Number;FIR Year;Stage;Status;Opened On;Lead Department;Accused;Notes",
      `${code};Wadi;9002;2024;दोषारोपपत्र दाखल;चालू;20/05/2024;police;"रमेश काळे; Anil More";आरोपी जामिनावर आहे`,
      ";सीताबर्डी;9004;2025;जांच;खुला;45678;police;;",
    ].join("\n");
    const result = await check("नोंदवही.csv", semicolons);
    expect(lines(result)).toEqual([]);
    expect(result.rows.map((r) => [r.action, r.code === code])).toEqual([
      ["update", true],
      ["new", false],
    ]);
    commitImport(db, who(), result);
    expect(byFir("9002")).toMatchObject({ stage: "chargesheet", status: "open", code });
    expect(
      db
        .select()
        .from(accused)
        .where(eq(accused.caseId, byFir("9002").id))
        .all()
        .map((a) => a.name),
    ).toEqual(["रमेश काळे", "Anil More"]);
    expect(byFir("9004")).toMatchObject({ policeStation: "सीताबर्डी", stage: "investigation", openedOn: "2025-01-21" });
  });

  it("reads an .xlsx workbook with date cells and date serials", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Register");
    sheet.addRow([
      "case_code",
      "police_station",
      "fir_number",
      "fir_year",
      "stage",
      "status",
      "opened_on",
      "closed_on",
      "next_hearing_on",
      "lead_department",
      "victims",
    ]);
    sheet.addRow([
      null,
      "Hingna",
      "9005",
      2025,
      "Investigation",
      "Open",
      new Date(Date.UTC(2025, 2, 14)),
      null,
      46400,
      "Police – Anti-Human-Trafficking Unit",
      1,
    ]);
    sheet.addRow([null, "Hingna", 9006, 2025, "FIR registered", "open", 45700, null, null, "police", 0]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await check("register.xlsx", file);
    expect(lines(result)).toEqual([]);
    commitImport(db, who(), result);
    expect(byFir("9005")).toMatchObject({ openedOn: "2025-03-14", stage: "investigation" });
    expect(
      db
        .select()
        .from(caseEvents)
        .where(eq(caseEvents.caseId, byFir("9005").id))
        .get()?.nextDate,
    ).toBe("2027-01-13");
    expect(byFir("9006")).toMatchObject({ openedOn: "2025-02-12", stage: "fir" });
    expect((await check("register.xlsx", file)).rows.map((r) => r.action)).toEqual(["unchanged", "unchanged"]);
  });

  it("lists every bad row as `row N: column: what is wrong` and writes nothing", async () => {
    const before = totals();
    const bad = [
      header,
      ",,9101,2024,,,,chargesheet,open,,03/02/2024,,,police,,,",
      ",Wadi,9102,2024,,,,trial,open,,31/02/2024,,,police,,,",
      ",Wadi,9103,2024,,,,investigation,closed,,01/03/2024,,,police,,,",
      ",Wadi,9104,2024,,,,investigation,open,,01/03/2024,,,customs,,Sunita Jagtap,",
      ",Wadi,,,,,,investigation,open,,01/03/2024,,,police,,,",
      "XYZ-1,Wadi 9876543210,9105,2024,,,,investigation,open,,01/03/2024,,01/01/2024,police,,,",
    ].join("\n");
    const result = await check("bad.csv", bad);
    expect(lines(result)).toEqual([
      "row 2: police_station: Police station is required.",
      "row 3: stage: Choose a valid stage. The cell holds “trial”.",
      "row 3: opened_on: Opened on must be a real date (day/month/year). The cell holds “31/02/2024”.",
      "row 4: closed_on: Give the date the case was closed.",
      "row 5: lead_department: no active department is called “customs”. Give a kind (police, prosecution, court, dcpu, dwcd, dlsa, plv, shelter_home, ngo) or a name as on the Departments page.",
      "row 5: victims: give a count (2) or pseudonym codes separated by ; (V-0041; V-0042), never a victim's name: the law forbids recording it.",
      "row 6: case_code: give the case code, or the FIR number and year: without either, importing the file again would register this case a second time.",
      "row 7: case_code: “XYZ-1” is not a case code of this collective: its codes are written DEM-2026-0042, or leave it empty to have one issued.",
      "row 7: next_hearing_on: The next hearing cannot be before the case was opened. The cell holds “01/01/2024”.",
      expect.stringMatching(
        /^row 7: police_station: The police station was not saved: it contains “9876543210” \(a phone number\)/,
      ),
    ]);
    expect(result.rows).toEqual([]);
    expect(() => commitImport(db, who(), result)).toThrow();
    expect(totals()).toEqual(before);
  });

  it("refuses a file with a column of victims' names, and says why", async () => {
    for (const columns of [
      "police_station,stage,status,opened_on,lead_department,Victim Name",
      "police_station,stage,status,opened_on,lead_department,पीडितेचे नाव",
    ]) {
      const result = await check("names.csv", `${columns}\nWadi,fir,open,01/03/2024,police,x`);
      expect(result.fileProblems[0]).toMatch(
        /looks like victims' names, so the file was refused\. The law forbids recording a victim's name .*BNS s\.72/,
      );
      expect(result.rows).toEqual([]);
    }
    const beside = await check(
      "beside.csv",
      "police_station,fir_number,fir_year,stage,status,opened_on,lead_department,victims,girl\nWadi,9201,2024,fir,open,01/03/2024,police,1,Sunita Jagtap",
    );
    expect(beside.fileProblems).toEqual([expect.stringContaining("The column “girl” looks like victims' names")]);
  });

  it("refuses a file without the required columns, and states the limits on size and rows", async () => {
    expect((await check("short.csv", "police_station,stage\nWadi,fir")).fileProblems).toEqual([
      "The file has no status, opened_on, lead_department columns. The first row must name the template's columns (download the template below).",
    ]);
    const many = [
      header,
      ...Array.from({ length: importLimits.rows + 1 }, (_, i) => `,Wadi,${i},2024,,,,fir,open,,01/03/2024,,,police,,,`),
    ].join("\n");
    expect((await check("many.csv", many)).fileProblems).toEqual([
      "The file has 10,001 case rows; one import takes at most 10,000. Split it into smaller files and import each.",
    ]);
    expect((await check("big.csv", new Uint8Array(importLimits.bytes + 1))).fileProblems).toEqual([
      "The file is 10 MB; an import takes at most 10 MB. Split it into smaller files.",
    ]);
    expect((await check("old.xls", "x")).fileProblems[0]).toMatch(/save the sheet as \.xlsx or as CSV/);
  });

  it("writes nothing when the register changed between the check and the commit", async () => {
    const result = await check("later.csv", `${header}\n,Wadi,9501,2024,,,,fir,open,,01/03/2024,,,police,,,`);
    expect(result.rows.map((r) => r.action)).toEqual(["new"]);
    const someone = byFir("9001");
    db.update(cases)
      .set({ version: someone.version + 1 })
      .where(eq(cases.id, someone.id))
      .run();
    const before = totals();
    expect(() => commitImport(db, who(), result)).toThrow("The case register changed since this file was checked");
    expect(totals()).toEqual(before);
  });

  it("skips a row repeated whole, and refuses two different rows for one case", async () => {
    const row = ",Wadi,9301,2024,,,,fir,open,,01/03/2024,,,police,,,";
    const repeated = await check("repeat.csv", [header, row, row].join("\n"));
    expect(repeated.rows.map((r) => [r.action, r.duplicateOf])).toEqual([
      ["new", null],
      ["duplicate", 2],
    ]);
    expect(tally(repeated)).toEqual({ new: 1, update: 0, unchanged: 0, duplicate: 1 });
    const conflicting = await check("conflict.csv", [header, row, row.replace("Wadi", "Hingna")].join("\n"));
    expect(lines(conflicting)).toEqual([
      "row 3: fir_number: the same case as row 2, with other details: keep one row per case.",
    ]);
  });
});

describe("npm run cases:import", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "testa-import-"));
  const cli = (...args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync("npx", ["tsx", "scripts/cases-import.ts", ...args], {
          env: process.env,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        }),
      };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it("prints each bad row and exits 1 without writing; a dry run writes nothing; then it imports", () => {
    const before = caseCount();
    fs.writeFileSync(path.join(dir, "bad.csv"), `${header}\n,Wadi,9401,2024,,,,trial,open,,01/03/2024,,,police,,,\n`);
    const bad = cli("--collective", "DEM", path.join(dir, "bad.csv"));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("row 2: stage: Choose a valid stage. The cell holds “trial”.");
    expect(bad.out).toContain("Nothing was imported: 1 problem.");

    fs.writeFileSync(path.join(dir, "good.csv"), `${header}\n,Wadi,9402,2024,,,,fir,open,,01/03/2024,,,police,,,\n`);
    const dry = cli("--dry-run", "--collective", "dem", path.join(dir, "good.csv"));
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toMatch(/row 2: new: DEM-2024-\d{4}\nDry run, nothing written: 1 new, 0 updated, 0 unchanged\./);
    expect(caseCount()).toBe(before);

    const real = cli("--collective", "DEM", path.join(dir, "good.csv"));
    expect(real.out).toContain("Imported into Demo District: 1 new, 0 updated, 0 unchanged.");
    expect(caseCount()).toBe(before + 1);
    expect(cli("--collective", "DEM", path.join(dir, "good.csv")).out).toContain("0 new, 0 updated, 1 unchanged");
  }, 180_000);
});
