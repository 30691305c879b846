import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, caseDepartments, cases, collectives, departments, mailOutbox, meetings, users } from "#db/schema";
import type { Role } from "#db/schema/enums";
import { getDb } from "~/db.server";
import { can, routeAccess, type RouteAccess } from "~/lib/permissions";
import { createPasswordToken } from "~/models/password-token.server";
import { cookieFor, run } from "../support/remix";
import { intentsOf, loadRoute, paramsOf, pathOf, routeFiles, routeId, sourcesOf } from "../support/routes";
import { must } from "../support/present";

// The authorisation matrix, built from app/routes: every route × every role × GET and POST (each
// intent the route's forms send), expecting exactly what app/lib/permissions.ts grants. A route
// without an entry in routeAccess fails, and so does an entry for a route that is gone.

const origin = "http://localhost:3000";
type Module = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
};
const modules = import.meta.glob<Module>("/app/routes/*.{ts,tsx}");
const roles: Role[] = ["admin", "secretariat", "representative", "observer", "state_admin", "state_observer"];
const accountOf: Record<Role, string> = {
  admin: "admin@demo.testa",
  secretariat: "secretariat@demo.testa",
  representative: "police@demo.testa",
  observer: "observer@demo.testa",
  state_admin: "state@demo.testa",
  state_observer: "state-observer@demo.testa",
};
type Who = Role | "anonymous";

const params: Record<string, string> = {};
const changes = () => (getDb().$client.prepare("select total_changes() as n").get() as { n: number }).n;

beforeAll(() => {
  const db = getDb();
  const demo = db.select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
  // Records the representative (police) may reach: their own department, a case and an item of it.
  const police = db
    .select()
    .from(departments)
    .where(and(eq(departments.collectiveId, demo.id), eq(departments.kind, "police")))
    .get()!;
  const kase = db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(caseDepartments, eq(caseDepartments.caseId, cases.id))
    .where(eq(caseDepartments.departmentId, police.id))
    .get()!;
  const item = db.select().from(actionItems).where(eq(actionItems.departmentId, police.id)).get()!;
  const meeting = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.collectiveId, demo.id), ne(meetings.status, "cancelled")))
    .orderBy(meetings.startsAt)
    .all()
    .at(-1)!;
  const message = db.select().from(mailOutbox).where(eq(mailOutbox.collectiveId, demo.id)).get();
  const anyone = db.select().from(users).where(eq(users.collectiveId, demo.id)).get()!;
  Object.assign(params, {
    meetingId: String(meeting.id),
    caseId: String(kase.id),
    departmentId: String(police.id),
    actionId: String(item.id),
    messageId: String(message?.id ?? 1),
    index: "0",
    token: createPasswordToken(db, anyone.id).raw,
  });
});

/** What the caller got: refused (403), sent to sign in, or let in (anything else below 500). */
async function attempt(
  file: string,
  method: "GET" | "POST",
  cookie: string | null,
  intent?: string,
): Promise<"refused" | "sign-in" | "allowed" | `error ${number}`> {
  const mod = await loadRoute(modules, file);
  const routeParams = Object.fromEntries(paramsOf(file).map((p) => [p, params[p] ?? "x"]));
  const headers: Record<string, string> = { Origin: origin };
  if (cookie) headers.Cookie = cookie;
  let body: URLSearchParams | undefined;
  if (method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(intent ? { intent } : {});
  }
  const request = new Request(origin + pathOf(file, routeParams), { method, headers, body });
  const fn = method === "GET" ? mod.loader! : mod.action!;
  const outcome = await run(() => fn({ request, params: routeParams, context: {} }));
  if (outcome.status === 403) return "refused";
  if (outcome.status >= 300 && outcome.status < 400 && (outcome.headers.get("Location") ?? "").startsWith("/login"))
    return "sign-in";
  if (outcome.status >= 500) return `error ${outcome.status}`;
  return "allowed";
}

function expected(access: RouteAccess, who: Who): "refused" | "sign-in" | "allowed" {
  if (access === "public") return "allowed";
  if (who === "anonymous") return "sign-in";
  if (access === "signed-in") return "allowed";
  return can(who, access!) ? "allowed" : "refused";
}

describe("the authorisation matrix", () => {
  it("has an entry for every route file, and none for a route that is gone", async () => {
    const files = routeFiles();
    const ids = files.map(routeId);
    expect(
      ids.filter((id) => !(id in routeAccess)),
      "routes missing from routeAccess in app/lib/permissions.ts",
    ).toEqual([]);
    expect(
      Object.keys(routeAccess).filter((id) => !ids.includes(id)),
      "entries for routes that no longer exist",
    ).toEqual([]);
    for (const file of files) {
      const mod = await loadRoute(modules, file);
      const entry = must(routeAccess[routeId(file)], `routeAccess["${routeId(file)}"]`);
      expect(!!mod.loader, `${file}: GET entry matches whether it has a loader`).toBe(entry.get !== null);
      expect(!!mod.action, `${file}: POST entry matches whether it has an action`).toBe(entry.post !== null);
    }
  });

  it("answers every route, role, method and intent exactly as the permission table grants", async () => {
    const wrong: string[] = [];
    let requests = 0;
    for (const file of routeFiles()) {
      const entry = must(routeAccess[routeId(file)], `routeAccess["${routeId(file)}"]`);
      const cells: { method: "GET" | "POST"; access: RouteAccess; intent?: string }[] = [];
      if (entry.get !== null) cells.push({ method: "GET", access: entry.get });
      if (entry.post !== null) {
        const intents = [...intentsOf(sourcesOf(file))];
        for (const intent of intents.length ? intents : [undefined])
          cells.push({ method: "POST", access: entry.post, intent });
      }
      for (const cell of cells) {
        // Refusals first: a refused request must change nothing, so it runs before anyone is let in.
        const order = (["anonymous", ...roles] as Who[]).sort(
          (a, b) => Number(expected(cell.access, a) === "allowed") - Number(expected(cell.access, b) === "allowed"),
        );
        for (const who of order) {
          const want = expected(cell.access, who);
          // Each attempt signs in afresh, so signing out (or a session ended by a change) does not spill over.
          const cookie = who === "anonymous" ? null : await cookieFor(accountOf[who]);
          const before = changes();
          const answer = await attempt(file, cell.method, cookie, cell.intent);
          // A public route may itself send people to the sign-in page (signing out does): that is not a refusal.
          const got = cell.access === "public" && answer === "sign-in" ? "allowed" : answer;
          requests += 1;
          const label = `${cell.method} ${file}${cell.intent ? ` intent=${cell.intent}` : ""} as ${who}`;
          if (got !== want) wrong.push(`${label}: expected ${want}, got ${got}`);
          else if (want !== "allowed" && changes() !== before)
            wrong.push(`${label}: refused, yet it wrote to the database`);
        }
      }
    }
    expect(wrong).toEqual([]);
    console.log(`authorisation matrix: ${requests} requests, ${routeFiles().length} route files`);
    expect(requests).toBeGreaterThan(400);
  }, 120_000);
});
