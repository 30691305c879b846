import type { LoaderFunctionArgs } from "@remix-run/node";
import { desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
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
} as const;
const params: Record<string, string> = {};
const cookies: Record<string, string> = {};
const today = todayIn("Asia/Kolkata");

beforeAll(async () => {
  const db = getDb();
  for (const [who, email] of Object.entries(readers)) cookies[who] = await cookieFor(email);
  cookies.secretariat = await cookieFor("secretariat@demo.testa");
  const police = must(db.select().from(departments).where(eq(departments.kind, "police")).get(), "police");
  const involved = db
    .select({ id: caseDepartments.caseId })
    .from(caseDepartments)
    .where(eq(caseDepartments.departmentId, police.id))
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
