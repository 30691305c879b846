import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs } from "@remix-run/node";
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actionItems, cases, collectives, departments, mailOutbox, meetings, users } from "#db/schema";
import { getDb } from "~/db.server";
import * as enums from "#db/schema/enums";
import { createPasswordToken } from "~/models/password-token.server";
import { createCase, createCollective, createDepartment } from "../factories";
import { cookieFor, run } from "../support/remix";
import { intentsOf, loadRoute, paramsOf, pathOf, routesDir, sourcesOf } from "../support/routes";
import { at } from "~/lib/at";

// The project's own fuzz test: every route that has an action (found from the files in
// app/routes, so a new form is covered without touching this file), posted bad input of every
// kind a probe sends. No answer may be a 5xx (or an action that answers nothing, which Remix turns
// into one), and the database must stay consistent.

const origin = "http://localhost:3000";
const modules = import.meta.glob<{ action?: (args: ActionFunctionArgs) => Promise<unknown> }>("/app/routes/*.{ts,tsx}");

type Route = {
  file: string;
  params: string[];
  source: string;
  choices: Map<string, string>;
  action: (args: ActionFunctionArgs) => Promise<unknown>;
};

const fieldNames = (source: string) =>
  new Set([
    ...[...source.matchAll(/name="([\w.-]+)"/g)].map((m) => at(m, 1)),
    ...[
      ...source.matchAll(
        /^\s{2,4}(\w+): (?:z\.|required|optional|id\(|checkbox|choice|version|minutes|time|link|birthYear|yesNo)/gm,
      ),
    ].map((m) => at(m, 1)),
  ]);

/** A value each choice field accepts, read from its schema (`choice("Stage", caseStages)`, `z.enum(["60", "90"])`). */
function choiceValues(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(
    /^\s+(\w+): [^\n]*?(?:choice\("[^"]*",\s*(\w+)\)|z\.enum\((\w+)|z\.enum\(\[\s*"([^"]+)")/gm,
  )) {
    const [, field, list1, list2, literal] = m;
    const list = (enums as Record<string, readonly string[] | undefined>)[list1 ?? list2 ?? ""];
    const value = literal ?? list?.[0];
    if (field !== undefined && value && !found.has(field)) found.set(field, value);
  }
  return found;
}

const prototypeNames = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];

const routes: Route[] = [];
let admin: string;
let police: string;
const validParams: Record<string, string> = {};
const foreign: { collectiveId: number; departmentId: number; caseId: number } = {
  collectiveId: 0,
  departmentId: 0,
  caseId: 0,
};
let demoDepartments: number[] = [];

beforeAll(async () => {
  const db = getDb();
  for (const file of fs.readdirSync(routesDir).sort()) {
    const mod = await loadRoute(modules, file);
    if (!mod.action) continue;
    const params = paramsOf(file);
    const source = sourcesOf(file);
    routes.push({ file, params, source, choices: choiceValues(source), action: mod.action });
  }
  admin = await cookieFor("admin@demo.testa");
  police = await cookieFor("police@demo.testa");
  const demo = db.select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
  demoDepartments = db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.collectiveId, demo.id))
    .all()
    .map((d) => d.id);
  const meeting = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.collectiveId, demo.id), ne(meetings.status, "cancelled")))
    .orderBy(meetings.startsAt)
    .all()
    .at(-1)!;
  const kase = db.select().from(cases).where(eq(cases.collectiveId, demo.id)).get()!;
  const item = db.select().from(actionItems).get()!;
  const message = db.select().from(mailOutbox).get();
  const anyUser = db.select().from(users).where(eq(users.collectiveId, demo.id)).get()!;
  Object.assign(validParams, {
    meetingId: String(meeting.id),
    caseId: String(kase.id),
    departmentId: String(demoDepartments[0]),
    actionId: String(item.id),
    messageId: String(message?.id ?? 1),
    token: createPasswordToken(db, anyUser.id).raw,
  });
  const other = createCollective(db, { name: "Other District", district: "Other District", districtCode: "OTH" });
  foreign.collectiveId = other.id;
  foreign.departmentId = createDepartment(db, { collectiveId: other.id }).id;
  foreign.caseId = createCase(db, {
    collectiveId: other.id,
    departments: [{ departmentId: foreign.departmentId, role: "lead" }],
  }).id;
});

type Body = { contentType?: string; body: BodyInit | null };

function urlencoded(fields: [string, string][]): Body {
  const body = new URLSearchParams();
  for (const [k, v] of fields) body.append(k, v);
  return { contentType: "application/x-www-form-urlencoded", body };
}

function request(pathname: string, { contentType, body }: Body, cookie?: string): Request {
  const headers: Record<string, string> = { Origin: origin };
  if (contentType) headers["Content-Type"] = contentType;
  if (cookie) headers.Cookie = cookie;
  return new Request(origin + pathname, { method: "POST", body, headers });
}

let failures: string[] = [];

/** Posts once and records anything a client could turn into a 5xx. */
async function probe(route: Route, what: string, body: Body, signedIn: string | undefined, params = validParams) {
  // Signing out ends the session: that route gets a session of its own, so the others stay signed in.
  const cookie = signedIn && route.file === "logout.tsx" ? await cookieFor("observer@demo.testa") : signedIn;
  const routeParams = Object.fromEntries(route.params.map((p) => [p, params[p] ?? "x"]));
  try {
    const outcome = await run(() =>
      route.action({
        request: request(pathOf(route.file, routeParams), body, cookie),
        params: routeParams,
        context: {},
      }),
    );
    if (outcome.status >= 500) failures.push(`${route.file} ${what}: ${outcome.status}`);
    else if (outcome.status === 200 && outcome.data === undefined)
      failures.push(`${route.file} ${what}: the action answered nothing`);
  } catch (error) {
    failures.push(`${route.file} ${what}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

const huge = "अ".repeat(2_000) + "a".repeat(2_000);
const controls = "A\u0000B\u0007\u001b[31mC\r\nD\u0085\u007f\u202e";
const oddNumbers = ["01", "-1", "1e3", "0x1", "1.5", " 1", "99999999999999999999", "NaN"];

/** The bodies posted to every (route, intent): each a list of fields. */
function variants(
  fields: string[],
  choices: Map<string, string>,
  intent: string | null,
): [string, [string, string][]][] {
  const withIntent = (rows: [string, string][]): [string, string][] =>
    intent === null ? rows : [["intent", intent], ...rows];
  const every = (value: (name: string, i: number) => string) =>
    withIntent(fields.filter((f) => f !== "intent").map((f, i): [string, string] => [f, value(f, i)]));
  const plausible = (name: string, text = "Fuzz"): string => {
    if (choices.has(name)) return choices.get(name)!;
    if (/^date$|On$|Date$/.test(name)) return "2026-12-03";
    if (/[Tt]ime$/.test(name)) return "11:00";
    if (/Year$/.test(name)) return "2024";
    if (/email/i.test(name)) return "fuzz@example.org";
    if (/^version|Id$/.test(name)) return "1";
    if (/^minutes$|Minutes$|weight$/.test(name)) return "30";
    return text;
  };
  const d = demoDepartments;
  return [
    ["with no other field", withIntent([])],
    ["with every field empty", every(() => "")],
    ["with words where numbers go", every(() => "abc")],
    ["with odd spellings of numbers", every((_, i) => at(oddNumbers, i % oddNumbers.length))],
    ["with huge strings", every(() => huge)],
    ["with control characters", every(() => controls)],
    ["with control characters in otherwise good text", every((name) => plausible(name, controls))],
    [
      "with every field twice",
      withIntent(
        fields
          .filter((f) => f !== "intent")
          .flatMap((f): [string, string][] => [
            [f, "1"],
            [f, "2"],
          ]),
      ),
    ],
    [
      "with ids of another collective",
      [
        ...every((name) =>
          /department/i.test(name)
            ? String(foreign.departmentId)
            : /case/i.test(name)
              ? String(foreign.caseId)
              : plausible(name),
        ),
        [`dept-${foreign.departmentId}`, "lead"],
        [`status.${foreign.departmentId}`, "present"],
        [`version.${foreign.departmentId}`, "0"],
      ],
    ],
    [
      "with one department written two ways",
      [
        ...every((name) => plausible(name)),
        [`dept-${d[0]}`, "lead"],
        [`dept-0${d[0]}`, "support"],
        [`status.${d[0]}`, "present"],
        [`status.0${d[0]}`, "absent"],
        [`name.${d[0]}`, "Fuzz"],
        [`version.${d[0]}`, "0"],
        [`version.0${d[0]}`, "0"],
      ],
    ],
  ];
}

describe("every form, fuzzed", () => {
  beforeEach(() => {
    failures = [];
  });

  it("finds the forms from the route files", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.map((r) => r.file)).toEqual(
      expect.arrayContaining(["login.tsx", "welcome.$token.tsx", "cases.$caseId.tsx", "meetings.$meetingId_.run.tsx"]),
    );
  });

  it("never answers a body that is not form data with a 5xx, signed in or not", { timeout: 60_000 }, async () => {
    const truncated = '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nadd';
    const bodies: [string, Body][] = [
      ["an empty body", { body: null }],
      ["an empty body said to be form data", { contentType: "application/x-www-form-urlencoded", body: "" }],
      [
        "JSON",
        { contentType: "application/json", body: JSON.stringify({ intent: "add-event", email: "admin@demo.testa" }) },
      ],
      ["plain text", { contentType: "text/plain", body: "intent=add-event" }],
      ["truncated multipart", { contentType: "multipart/form-data; boundary=x", body: truncated }],
      ["multipart without a boundary", { contentType: "multipart/form-data", body: "abc" }],
      [
        "a body over the size limit",
        { contentType: "application/x-www-form-urlencoded", body: "a=" + "b".repeat(1_100_000) },
      ],
      [
        "broken percent-encoding",
        { contentType: "application/x-www-form-urlencoded", body: "intent=%FF&email=%E0%A4&password=%" },
      ],
    ];
    for (const route of routes) {
      for (const [what, body] of bodies) {
        await probe(route, `${what} (anonymous)`, body, undefined);
        await probe(route, `${what} (admin)`, body, admin);
      }
    }
    expect(failures).toEqual([]);
  });

  it("never answers an intent named after an object's built-in members with a 5xx", { timeout: 60_000 }, async () => {
    for (const route of routes) {
      for (const intent of prototypeNames) {
        await probe(
          route,
          `intent ${intent}`,
          urlencoded([
            ["intent", intent],
            [intent, "1"],
          ]),
          admin,
        );
        await probe(
          route,
          `a field named ${intent}`,
          urlencoded([
            [intent, "1"],
            [intent, "2"],
            ["__proto__[x]", "1"],
          ]),
          admin,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  // One test per form, so that each has its own time budget on a busy machine.
  const formFiles = fs
    .readdirSync(routesDir)
    .filter((f) => /export (async function|const) action\b/.test(fs.readFileSync(path.join(routesDir, f), "utf8")));
  it.each(formFiles)(
    "never answers missing, mistyped, huge, control-character, repeated or foreign fields to %s with a 5xx",
    async (file) => {
      for (const route of routes.filter((r) => r.file === file)) {
        const fields = [...fieldNames(route.source)];
        const intents = [...intentsOf(route.source)];
        const cookie = route.file.startsWith("actions.") ? [admin, police] : [admin];
        for (const intent of intents.length ? intents : [null]) {
          for (const [what, rows] of variants(fields, route.choices, intent)) {
            for (const who of cookie) await probe(route, `intent ${intent ?? "(none)"} ${what}`, urlencoded(rows), who);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    90_000,
  ); // about 12 s alone; the suite runs it beside 40 other files on 2 cores

  it("never answers odd ids in the URL with a 5xx", async () => {
    const odd = [
      "abc",
      "01",
      "-1",
      "1e3",
      "0x1",
      "\uFFFD",
      "\u0000",
      "99999999999999999999",
      String(foreign.caseId),
      String(foreign.departmentId),
    ];
    for (const route of routes.filter((r) => r.params.length)) {
      for (const value of odd) {
        const params = Object.fromEntries(Object.keys(validParams).map((k) => [k, value]));
        await probe(
          route,
          `with ${JSON.stringify(value)} as its id`,
          urlencoded([["intent", [...intentsOf(route.source)][0] ?? ""]]),
          admin,
          params,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it("leaves the database consistent", () => {
    const sqlite = getDb().$client;
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });

  it("stored none of the control characters it was sent", () => {
    const sqlite = getDb().$client;
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .pluck()
      .all() as string[];
    const found: string[] = [];
    for (const table of tables) {
      const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string; type: string }[]).filter(
        (c) => c.type.toUpperCase() === "TEXT",
      );
      for (const { name } of columns) {
        // Stored mail is built by the app (MIME, CRLF), not typed: it is not form input.
        if (table === "mail_outbox") continue;
        const hits = sqlite
          .prepare(`SELECT count(*) FROM "${table}" WHERE "${name}" GLOB ?`)
          .pluck()
          .get(
            `*[${String.fromCharCode(0x01)}-${String.fromCharCode(0x08)}${String.fromCharCode(0x0b)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}]*`,
          ) as number;
        const nul = sqlite
          .prepare(`SELECT count(*) FROM "${table}" WHERE instr("${name}", char(0)) > 0`)
          .pluck()
          .get() as number;
        if (hits || nul) found.push(`${table}.${name}: ${hits + nul}`);
      }
    }
    expect(found).toEqual([]);
  });
});
