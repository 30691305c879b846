import { getDb } from "~/db.server";
import { at } from "~/lib/at";
import { createSessionCookie } from "~/services/auth.server";
import { findUserByEmail } from "~/models/user.server";

const origin = "http://localhost:3000";

/** A signed-in session cookie for a demo (or factory-made) account. */
export async function cookieFor(email: string): Promise<string> {
  const user = findUserByEmail(getDb(), email);
  if (!user) throw new Error(`No user ${email} in the test database`);
  const setCookie = await createSessionCookie(new Request(origin), user.id);
  return at(setCookie.split(";"), 0);
}

export function getRequest(pathname: string, cookie?: string): Request {
  return new Request(origin + pathname, { headers: cookie ? { Cookie: cookie } : {} });
}

export function postRequest(pathname: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return new Request(origin + pathname, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON a route sent: each test reads the shape it expects
export type Outcome = { status: number; data: any; headers: Headers };

/**
 * Runs a loader or action the way Remix would and reports what the browser would get: thrown
 * responses (redirects, 403, 404) and `data()` results are unwrapped to a status and a body.
 */
export async function run(fn: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await fn();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* plain text body */
    }
    return { status: result.status, data: body, headers: result.headers };
  }
  if (result && typeof result === "object" && (result as { type?: unknown }).type === "DataWithResponseInit") {
    const r = result as { data: unknown; init: ResponseInit | null };
    return { status: r.init?.status ?? 200, data: r.data, headers: new Headers(r.init?.headers) };
  }
  if (result instanceof Error) throw result;
  return { status: 200, data: result, headers: new Headers() };
}
