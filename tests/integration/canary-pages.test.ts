import type { LoaderFunctionArgs } from "@remix-run/node";
import { desc, eq, inArray } from "drizzle-orm";
import fs from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  actionItems,
  agendaItems,
  caseDepartments,
  caseEvents,
  cases,
  departments,
  mailOutbox,
  meetings,
  minutesVersions,
  users,
} from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, todayIn } from "~/lib/dates";
import { routeAccess } from "~/lib/permissions";
import { createPasswordToken } from "~/models/password-token.server";
import { cookieFor, postRequest, run } from "../support/remix";
import { pdfText } from "../support/pdf";
import { actionUpdateForm } from "../support/canary";
import { must } from "../support/present";
import { loadRoute, paramsOf, pathOf, routeFiles, routeId } from "../support/routes";

// Every page and download, for every role, crawled from app/routes (a new route is read without
// touching this test) after a victim's name was stored in text before it became protected: in
// Latin letters and in Devanagari, in an action's blocked reason, a case event's outcome, an agenda
// item's title and a frozen minutes version. A representative or an observer must see "[protected]"
// where it stood and never the name, in either script; so must every CSV, PDF and invite.

const origin = "http://localhost:3000";
type Module = { loader?: (args: LoaderFunctionArgs) => Promise<unknown> };
const modules = import.meta.glob<Module>("/app/routes/*.{ts,tsx}");
const victim = { latin: "Kaveri Shantaram Kanarikar", devanagari: "कावेरी शांताराम कॅनरीकर" };
/** The canary in any of its spellings: the distinctive surname, in either script. */
const leaked = /canarykar|kanarikar|कॅनरीकर/i;
const readers = {
  representative: "police@demo.testa",
  "another representative": "dcpu@demo.testa",
  observer: "observer@demo.testa",
  // Seated by a transfer in beforeAll, today: reads the department's brief and inherited work.
  "newly transferred officer": "new.dwcd.officer@example.org",
} as const;
/** Every way the canary could be written, in either script: its surname and its middle name. */
const anyForm = /canarykar|kanarikar|कॅनरीकर|कनरीकर|shantaram|शांताराम/i;
/** Where the test stored the canary before it was protected, to edit it out afterwards. */
const stored = { itemId: 0, caseId: 0, agendaItemId: 0, title: "", versionId: null as number | null };
/** Every line the app printed while this file ran (stdout, stderr and the console). */
const printed: string[] = [];
const params: Record<string, string> = {};
const cookies: Record<string, string> = {};
const today = todayIn("Asia/Kolkata");

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  for (const method of ["log", "info", "warn", "error"] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(" "));
      original(...args);
    });
  }
  const db = getDb();
  for (const [who, email] of Object.entries(readers))
    if (who !== "newly transferred officer") cookies[who] = await cookieFor(email);
  cookies.secretariat = await cookieFor("secretariat@demo.testa");
  const police = must(db.select().from(departments).where(eq(departments.kind, "police")).get(), "police");
  const involved = db
    .select({ id: caseDepartments.caseId })
    .from(caseDepartments)
    .where(eq(caseDepartments.departmentId, police.id))
    .all()
    .map((c) => c.id);
  const involvedIn = (caseId: number) =>
    db
      .select({ id: caseDepartments.departmentId })
      .from(caseDepartments)
      .where(eq(caseDepartments.caseId, caseId))
      .all()
      .map((c) => c.id);
  const kase = must(db.select().from(cases).where(inArray(cases.id, involved)).get(), "a police case");
  const both = `${victim.latin} (${victim.devanagari})`;
  const item = db
    .insert(actionItems)
    .values({
      collectiveId: 1,
      departmentId: police.id,
      caseId: kase.id,
      description: "Escort the witness to court",
      dueOn: addDays(today, 3),
      status: "blocked",
      statusReason: `${both} has not been traced`,
    })
    .returning()
    .get();
  db.insert(caseEvents)
    .values({ caseId: kase.id, kind: "hearing", occurredOn: addDays(today, -2), outcome: `${both} deposed in part` })
    .run();
  const held = must(
    db.select().from(meetings).where(eq(meetings.status, "held")).orderBy(desc(meetings.startsAt)).get(),
    "a held meeting",
  );
  const item0 = must(db.select().from(agendaItems).where(eq(agendaItems.meetingId, held.id)).get(), "an item");
  db.update(agendaItems)
    .set({ title: `${item0.title}: ${both}`, discussion: `${both} was heard` })
    .where(eq(agendaItems.id, item0.id))
    .run();
  const version = db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, held.id))
    .orderBy(desc(minutesVersions.version))
    .get();
  if (version) {
    const body = JSON.parse(version.bodyJson) as { amendments?: unknown[] };
    const amendment = { text: `Read ${both} for the victim`, movedBy: "DCPU" };
    db.update(minutesVersions)
      .set({
        amendmentText: amendment.text,
        bodyJson: JSON.stringify({ ...body, amendments: [...(body.amendments ?? []), amendment] }),
      })
      .where(eq(minutesVersions.id, version.id))
      .run();
  }
  // Now her identity is recorded, in Latin letters only: everything above is protected text.
  const caseLoader = (await loadRoute<Module>(modules, "cases.$caseId.tsx")).loader!;
  const view = (
    await run(() =>
      caseLoader({
        request: new Request(`${origin}/cases/${kase.id}`, { headers: { Cookie: cookies.secretariat! } }),
        params: { caseId: String(kase.id) },
        context: {},
      }),
    )
  ).data;
  const caseAction = (await import("~/routes/cases.$caseId")).action;
  const posted = await run(() =>
    caseAction({
      request: postRequest(
        `/cases/${kase.id}`,
        {
          intent: "victim-identity",
          victimId: String(view.view.victims[0].id),
          name: victim.latin,
          birthYear: "",
          nativeDistrict: "",
        },
        cookies.secretariat!,
      ),
      params: { caseId: String(kase.id) },
      context: {},
    }),
  );
  expect(posted.status).toBe(302);
  // A new DWCD officer takes the seat today, through the transfer form; the case is the DWCD's too.
  const dwcd = must(db.select().from(departments).where(eq(departments.kind, "dwcd")).get(), "the DWCD");
  if (!involvedIn(kase.id).includes(dwcd.id))
    db.insert(caseDepartments).values({ caseId: kase.id, departmentId: dwcd.id, role: "support" }).run();
  const transferAction = (await import("~/routes/departments.$departmentId_.transfer")).action;
  const admin = await cookieFor("admin@demo.testa");
  const moved = await run(() =>
    transferAction({
      request: postRequest(
        `/departments/${dwcd.id}/transfer`,
        {
          effectiveOn: today,
          officerName: "Anil Gawande",
          designation: "District Women and Child Development Officer",
          email: readers["newly transferred officer"],
          phone: "",
        },
        admin,
      ),
      params: { departmentId: String(dwcd.id) },
      context: {},
    }),
  );
  expect(moved.status, JSON.stringify(moved.data).slice(0, 300)).toBeLessThan(400);
  cookies["newly transferred officer"] = await cookieFor(readers["newly transferred officer"]);
  Object.assign(stored, {
    itemId: item.id,
    caseId: kase.id,
    agendaItemId: item0.id,
    title: item0.title,
    versionId: version?.id ?? null,
  });
  const message = db.select().from(mailOutbox).get();
  const anyone = must(db.select().from(users).get(), "a user");
  Object.assign(params, {
    meetingId: String(held.id),
    caseId: String(kase.id),
    departmentId: String(police.id),
    actionId: String(item.id),
    messageId: String(message?.id ?? 1),
    index: "0",
    token: createPasswordToken(db, anyone.id).raw,
  });
});

/** What a reader gets from a route's GET, as text: a page's data, a CSV or an invite as sent, a PDF's text. */
async function fetchAs(file: string, cookie: string, query = "") {
  const mod = await loadRoute(modules, file);
  const routeParams = Object.fromEntries(paramsOf(file).map((p) => [p, params[p] ?? "x"]));
  const request = new Request(origin + pathOf(file, routeParams) + query, { headers: { Cookie: cookie } });
  let result: unknown;
  try {
    result = await mod.loader!({ request, params: routeParams, context: {} });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const type = result.headers.get("Content-Type") ?? "";
    const bytes = Buffer.from(await result.arrayBuffer());
    const text = type.includes("pdf") ? pdfText(bytes) : bytes.toString("utf8");
    return { status: result.status, text: `${result.headers.get("Content-Disposition") ?? ""}\n${text}`, page: false };
  }
  const outcome = await run(async () => result);
  return { status: outcome.status, text: JSON.stringify(outcome.data), page: true };
}

const readable = () =>
  routeFiles().filter((f) => routeAccess[routeId(f)]?.get !== null && !f.startsWith("sw[.]js") && f !== "logout.tsx");

describe("every page and download, crawled from the route list", () => {
  it("shows representatives and observers [protected] where the name stood, never the name in either script", async () => {
    const seen: string[] = [];
    let masked = 0;
    for (const file of readable())
      for (const [who] of Object.entries(readers))
        for (const query of file.includes("minutes") ? ["", "?version=1"] : [""]) {
          const res = await fetchAs(file, cookies[who]!, query);
          expect(res.status, `${who} ${file}${query}`).toBeLessThan(500);
          if (res.status >= 300) continue;
          seen.push(`${who} ${file}`);
          expect(res.text, `${who} ${file}${query}`).not.toMatch(leaked);
          if (res.text.includes("[protected]")) masked++;
        }
    // The crawl reached the pages that hold the stored text, and they showed the mask.
    expect(seen).toEqual(
      expect.arrayContaining(["representative actions.$actionId.tsx", "representative cases.$caseId.tsx"]),
    );
    expect(masked).toBeGreaterThanOrEqual(2);
  });

  it("shows the secretariat the text, to correct it, and holds every download that would carry it", async () => {
    const action = await fetchAs("actions.$actionId.tsx", cookies.secretariat!);
    expect(action.text).toContain(victim.latin);
    for (const file of readable().filter((f) => /\[\.\](pdf|csv|ics|zip)\.ts$/.test(f))) {
      const res = await fetchAs(file, cookies.secretariat!);
      expect(res.status, file).toBeLessThan(500);
      if (res.status === 200) expect(res.text, file).not.toMatch(leaked);
    }
  });
});

describe("the crawl's reach", () => {
  it("reads every route with a loader, pages and downloads alike", () => {
    const withLoader = routeFiles().filter((f) => routeAccess[routeId(f)]?.get !== null);
    expect(readable().length).toBeGreaterThanOrEqual(withLoader.length - 2);
    expect(readable()).toEqual(
      expect.arrayContaining(["reports.outcomes[.]csv.ts", "meetings.$meetingId.invite[.]ics.ts"]),
    );
  });
});

describe("what is kept: the Outbox, the log and the database file", () => {
  it("holds no form of the name in any stored email, any line the app printed, or the database file after the edits", async () => {
    const db = getDb();
    // Every stored copy of mail (the transfer's welcome among them), read as it would be sent.
    const mail = db.select().from(mailOutbox).all();
    expect(mail.some((m) => m.toAddress === readers["newly transferred officer"])).toBe(true);
    for (const m of mail) {
      const attachments = (
        JSON.parse(m.attachments) as { filename: string; contentType: string; base64: string }[]
      ).map((a) => {
        const bytes = Buffer.from(a.base64, "base64");
        return `${a.filename}\n${a.contentType.includes("pdf") ? pdfText(bytes) : bytes.toString("utf8")}`;
      });
      const whole = [m.toAddress, m.subject, m.text, m.html, m.icalEvent ?? "", ...attachments].join("\n");
      expect(whole, `mail ${m.id}: ${m.subject}`).not.toMatch(anyForm);
    }
    // The secretariat corrects what was stored before the name was protected, as the app offers:
    // the action's blocked reason through its form (the draft agendas follow), the frozen minutes
    // version by redaction; the event's outcome and the agenda item, which no form reopens here, in place.
    const secretariat = cookies.secretariat!;
    const itemAction = (await import("~/routes/actions.$actionId")).action;
    const item = must(db.select().from(actionItems).where(eq(actionItems.id, stored.itemId)).get(), "the item");
    const corrected = await run(() =>
      itemAction({
        request: postRequest(
          `/actions/${item.id}`,
          actionUpdateForm(item, { status: "blocked", reason: "The witness has not been traced" }),
          secretariat,
        ),
        params: { actionId: String(item.id) },
        context: {},
      }),
    );
    expect(corrected.status, JSON.stringify(corrected.data).slice(0, 300)).toBe(302);
    if (stored.versionId !== null) {
      const redaction = (await import("~/routes/redaction")).action;
      const redacted = await run(() =>
        redaction({
          request: postRequest(
            "/redaction",
            { intent: "redact", kind: "minutes-version", id: String(stored.versionId) },
            secretariat,
          ),
          params: {},
          context: {},
        }),
      );
      expect(redacted.status, JSON.stringify(redacted.data).slice(0, 300)).toBe(302);
    }
    db.update(caseEvents).set({ outcome: "Deposed in part" }).where(eq(caseEvents.caseId, stored.caseId)).run();
    db.update(agendaItems)
      .set({ title: stored.title, discussion: "The victim was heard" })
      .where(eq(agendaItems.id, stored.agendaItemId))
      .run();
    // Nothing the app printed while this file ran names her. (The loaders are called directly, so
    // the server's request lines are not among them: tests/e2e reads those.)
    expect(printed.join("\n")).not.toMatch(anyForm);
    // The file itself: every page written out of the log, then its raw bytes (secure_delete zeroes what was overwritten).
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const file = must(process.env.DATABASE_PATH, "the database path");
    const bytes = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
    expect(bytes[0]!.length).toBeGreaterThan(100_000);
    for (const b of bytes) {
      const raw = b.toString("utf8");
      const hit = anyForm.exec(raw);
      expect(hit ? raw.slice(Math.max(0, hit.index - 80), hit.index + 80) : null, "the database file").toBeNull();
    }
  });
});
