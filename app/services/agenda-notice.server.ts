import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";

/**
 * Which automatic refresh of each draft agenda this browser has already been told about: meeting
 * id -> the moment of that refresh. A cookie, so showing the notice once writes nothing on the
 * server. It holds only ids and times, and the last few meetings.
 */
const cookie = createCookie("testa_agenda_seen", {
  httpOnly: true,
  sameSite: "lax",
  path: "/meetings",
  maxAge: 60 * 60 * 24 * 90,
});
const kept = 12;

type Seen = Record<string, string>;

async function read(request: Request): Promise<Seen> {
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

async function remember(request: Request, meetingId: number, refreshedAt: string): Promise<string> {
  const seen = { ...(await read(request)) };
  delete seen[meetingId];
  const entries = [...Object.entries(seen), [String(meetingId), refreshedAt] as const].slice(-kept);
  return cookie.serialize(Object.fromEntries(entries), { secure: config().APP_URL.startsWith("https://") });
}

export const standingSeen = { read, remember };
