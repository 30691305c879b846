import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { cookieFor, run } from "../support/remix";
import { loadRoute, paramsOf, pathOf, routeFiles } from "../support/routes";

// Every route that reads a record's id from its URL reads it by one rule (idParam in
// app/lib/params.ts): what Number() would also accept ("0x1", "1e3", "+1", "01", a number past the
// safe range) names no record, so the page is a 404, for GET and POST alike, and nothing is written.

const origin = "http://localhost:3000";
type Module = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
};
const modules = import.meta.glob<Module>("/app/routes/*.{ts,tsx}");
const idParams = ["actionId", "caseId", "collectiveId", "departmentId", "meetingId", "messageId"];
const malformed = ["0x1", "1e3", "+1", "01", "0", "-1", "1.0", " 1", "9007199254740993"];
const changes = () => (getDb().$client.prepare("select total_changes() as n").get() as { n: number }).n;

describe("ids in URLs", () => {
  const files = routeFiles().filter((f) => paramsOf(f).some((p) => idParams.includes(p)));

  it("covers every route with an id in its URL", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it("answers 404 for an id written any way but plain digits, and writes nothing", async () => {
    // The administrator may open every route of a collective, and the state administrator every
    // state page, so a 404 here is the id's, never a refusal.
    const cookies = { collective: await cookieFor("admin@demo.testa"), state: await cookieFor("state@demo.testa") };
    const wrong: string[] = [];
    for (const file of files) {
      const mod = await loadRoute(modules, file);
      for (const id of malformed) {
        for (const method of ["GET", "POST"] as const) {
          const fn = method === "GET" ? mod.loader : mod.action;
          if (!fn) continue;
          // Only the id is malformed: any other parameter (an attachment's index) is a real one.
          const params = Object.fromEntries(paramsOf(file).map((p) => [p, idParams.includes(p) ? id : "0"]));
          const cookie = file.startsWith("state.") ? cookies.state : cookies.collective;
          const headers: Record<string, string> = { Origin: origin, Cookie: cookie };
          if (method === "POST") headers["Content-Type"] = "application/x-www-form-urlencoded";
          const request = new Request(origin + pathOf(file, params), {
            method,
            headers,
            body: method === "POST" ? new URLSearchParams() : undefined,
          });
          const before = changes();
          const outcome = await run(() => fn({ request, params, context: {} }));
          if (outcome.status !== 404) wrong.push(`${method} ${file} with ${JSON.stringify(id)}: ${outcome.status}`);
          else if (changes() !== before)
            wrong.push(`${method} ${file} with ${JSON.stringify(id)}: 404, yet it wrote to the database`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
