import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import yauzl from "yauzl";
import { beforeAll, describe, expect, it } from "vitest";
import { accused, actionItems, auditLog, caseEvents, cases, departments, meetings, minutesVersions } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { todayIn } from "~/lib/dates";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$caseId";
import { loader as archivePage } from "~/routes/settings.archive";
import { loader as archiveZip } from "~/routes/settings.archive[.]zip";
import type { Manifest } from "~/services/archive.server";
import { pdfText } from "../support/pdf";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

// The archive a collective takes away: unzipped with a Node library (no unzip command is assumed),
// every file's hash checked against the manifest, no victim canary anywhere in it (CSVs and PDF
// text), and restricted fields only when the admin asks for them.

const victim = "Sunita Ramesh Jagtap";
const canary = /jagtap/i;
let cookies: Record<"admin" | "secretariat", string>;
let kase: typeof cases.$inferSelect;
let accusedName: string;
const restrictedNote = "Informant met the IO at the station";

/** Every entry of a zip, by name, read with yauzl. */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const entries = new Map<string, Buffer>();
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.on("end", () => resolve(entries));
      file.on("error", reject);
      file.readEntry();
    });
  });
}

const lastExport = () =>
  getDb().select().from(auditLog).where(eq(auditLog.action, "export:archive")).orderBy(desc(auditLog.id)).get()!;

async function download(fields: Record<string, string>, cookie = cookies.admin) {
  const response = (await archiveZip({
    request: getRequest(`/settings/archive.zip?${new URLSearchParams(fields)}`, cookie),
    params: {},
    context: {},
  })) as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/zip");
  expect(response.headers.get("Content-Disposition")).toMatch(
    /^attachment; filename="archive-DEM-\d{4}-\d{2}-\d{2}\.zip"$/,
  );
  const entries = await unzip(Buffer.from(await response.arrayBuffer()));
  const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as Manifest;
  return { entries, manifest, text: (name: string) => entries.get(name)!.toString("utf8") };
}

function expectVerifiable({ entries, manifest }: Awaited<ReturnType<typeof download>>) {
  // Every file but the manifest is listed, with its own hash and size.
  expect(manifest.files.map((f) => f.path).sort()).toEqual(
    [...entries.keys()].filter((n) => n !== "manifest.json").sort(),
  );
  for (const file of manifest.files) {
    const body = entries.get(file.path)!;
    expect(crypto.createHash("sha256").update(body).digest("hex"), file.path).toBe(file.sha256);
    expect(body.length, file.path).toBe(file.bytes);
  }
  expect(manifest).toMatchObject({
    product: "TESTA Desk",
    productVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    collective: { code: "DEM" },
    createdAt: expect.any(String),
  });
}

function expectNoCanary({ entries }: Awaited<ReturnType<typeof download>>) {
  for (const [name, body] of entries) {
    const text = name.endsWith(".pdf") ? pdfText(body) : body.toString("utf8");
    expect(text, name).not.toMatch(canary);
  }
}

beforeAll(async () => {
  cookies = { admin: await cookieFor("admin@demo.testa"), secretariat: await cookieFor("secretariat@demo.testa") };
  const db = getDb();
  kase = db
    .select()
    .from(cases)
    .all()
    .find((c) => c.firNumber && db.select().from(accused).where(eq(accused.caseId, c.id)).get())!;
  accusedName = db.select().from(accused).where(eq(accused.caseId, kase.id)).get()!.name;
  const police = db.select().from(departments).where(eq(departments.kind, "police")).get()!;
  // Typed before her identity was recorded: an action's reason, an event, a frozen version of the minutes.
  db.insert(actionItems)
    .values({
      collectiveId: 1,
      departmentId: police.id,
      description: "Escort the witness to court",
      dueOn: todayIn("Asia/Kolkata"),
      status: "blocked",
      statusReason: `${victim} has not been traced`,
    })
    .run();
  db.insert(caseEvents)
    .values({
      caseId: kase.id,
      kind: "hearing",
      occurredOn: kase.openedOn,
      outcome: `${victim} deposed in part`,
      note: restrictedNote,
    })
    .run();
  const meeting = db.select().from(meetings).where(eq(meetings.status, "held")).orderBy(desc(meetings.startsAt)).get()!;
  const version = db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meeting.id))
    .orderBy(desc(minutesVersions.version))
    .get()!;
  const body = JSON.parse(version.bodyJson);
  body.items[0].discussion = `${body.items[0].discussion} ${victim} was informed.`;
  db.update(minutesVersions)
    .set({ bodyJson: JSON.stringify(body), amendmentText: `Read ${victim} for the victim` })
    .where(eq(minutesVersions.id, version.id))
    .run();
  const view = (
    await run(() =>
      caseLoader({
        request: getRequest(`/cases/${kase.id}`, cookies.secretariat),
        params: { caseId: String(kase.id) },
        context: {},
      }),
    )
  ).data;
  const posted = await run(() =>
    caseAction({
      request: postRequest(
        `/cases/${kase.id}`,
        {
          intent: "victim-identity",
          victimId: String(view.view.victims[0].id),
          name: victim,
          birthYear: "1990",
          nativeDistrict: "Satara",
        },
        cookies.secretariat,
      ),
      params: { caseId: String(kase.id) },
      context: {},
    }),
  );
  expect(posted.status).toBe(302);
});

describe("the archive download", () => {
  it("holds every record kind and PDF, each file's hash in the manifest, no victim's identity, and no restricted field", async () => {
    const archive = await download({});
    expectVerifiable(archive);
    expectNoCanary(archive);
    const { entries, manifest, text } = archive;
    for (const name of [
      "cases.csv",
      "accused.csv",
      "events.csv",
      "victims.csv",
      "departments.csv",
      "seats-and-tenures.csv",
      "meetings.csv",
      "agenda-items.csv",
      "attendance.csv",
      "minutes-versions.csv",
      "action-items.csv",
      "action-item-history.csv",
      "figures/outcomes.csv",
      "figures/accountability-by-department.csv",
      "figures/accountability-by-tenure.csv",
    ]) {
      expect(entries.has(name), name).toBe(true);
      expect(text(name).startsWith("\uFEFF"), name).toBe(true);
    }
    expect([...entries.keys()].filter((n) => n.startsWith("minutes/")).length).toBe(
      getDb().select().from(minutesVersions).all().length,
    );
    expect([...entries.keys()].filter((n) => n.startsWith("briefs/")).length).toBe(
      getDb().select().from(departments).where(eq(departments.active, true)).all().length,
    );
    expect(manifest.files.find((f) => f.path === "cases.csv")!.rows).toBe(getDb().select().from(cases).all().length);

    // Her name became her code where it was typed.
    const victimCode = (
      text("victims.csv")
        .split("\r\n")
        .find((l) => l.includes(kase.code)) ?? ""
    ).split(",")[0];
    expect(text("action-items.csv")).toContain(`${victimCode} has not been traced`);
    expect(text("events.csv")).toContain(`${victimCode} deposed in part`);
    expect(manifest.protectedTextReplaced).toBeGreaterThanOrEqual(4);

    // Restricted fields: no column, no value, and the manifest says so.
    expect(text("cases.csv").split("\r\n")[0]).not.toMatch(/fir_number|fir_year/);
    expect(text("accused.csv").split("\r\n")[0]).toBe("\uFEFFcase_code,accused,arrested_on,bail_status");
    expect(text("events.csv").split("\r\n")[0]).not.toContain("note");
    for (const [name, body] of entries) {
      if (!name.endsWith(".csv")) continue;
      expect(body.toString("utf8"), name).not.toContain(accusedName);
      expect(body.toString("utf8"), name).not.toContain(restrictedNote);
    }
    expect(text("cases.csv")).not.toContain(`,${kase.firNumber},`);
    expect(manifest.restrictedFields).toEqual({ included: false, fields: [] });
    expect(manifest.leftOut.map((l) => l.what)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Restricted fields/),
        "Victims' identities",
        "Identity fingerprints and identity records",
      ]),
    );

    expect(lastExport()).toMatchObject({
      userId: expect.any(Number),
      detail: expect.stringMatching(/^archive-DEM-.*\.zip, without restricted fields$/),
    });
  }, 120_000);

  it("holds the restricted fields when the admin asks for them, and still no victim's identity", async () => {
    const archive = await download({ restricted: "yes" });
    expectVerifiable(archive);
    expectNoCanary(archive);
    const { manifest, text } = archive;
    expect(text("cases.csv").split("\r\n")[0]).toContain("fir_number,fir_year");
    expect(text("cases.csv")).toContain(`${kase.code},`);
    expect(text("cases.csv")).toContain(kase.firNumber!);
    expect(text("accused.csv")).toContain(accusedName);
    expect(text("events.csv")).toContain(restrictedNote);
    expect(manifest.restrictedFields.included).toBe(true);
    expect(manifest.leftOut.map((l) => l.what)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^Restricted fields/)]),
    );
    expect(lastExport().detail).toMatch(/, with restricted fields$/);
  }, 120_000);

  it("is the admin's only: the secretariat is refused the page and the download", async () => {
    expect(
      (
        await run(() =>
          archivePage({ request: getRequest("/settings/archive", cookies.secretariat), params: {}, context: {} }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await run(() =>
          archiveZip({ request: getRequest("/settings/archive.zip", cookies.secretariat), params: {}, context: {} }),
        )
      ).status,
    ).toBe(403);
  });
});

describe("npm run archive", () => {
  it("writes the same archive to a file, and names the collectives when the code is wrong", () => {
    const out = path.join(config().dataDir, "archive.zip");
    const cli = (...args: string[]) =>
      spawnSync("npx", ["tsx", "scripts/archive.ts", ...args], { env: process.env, encoding: "utf8" });
    const wrong = cli("--collective", "XYZ", out);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("No collective has the code XYZ. There are: DEM (");
    const made = cli("--collective", "dem", out);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Wrote .*archive\.zip: \d+ files .* without restricted fields/);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const again = cli(out);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
  }, 120_000);
});
