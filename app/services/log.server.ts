import { AsyncLocalStorage } from "node:async_hooks";

// Structured logs: one JSON object a line on stdout (warnings and errors on stderr), for a
// collector to read. A log line never carries a URL's query, a body, or any field below.

/**
 * Fields that could carry a protected value (a name, an FIR, what someone typed) or a credential.
 * Whatever the caller passes under these names is written as "[redacted]".
 */
export const redactedFields = [
  "body",
  "query",
  "search",
  "url",
  "href",
  "cookie",
  "authorization",
  "password",
  "token",
  "email",
  "to",
  "from",
  "subject",
  "html",
  "text",
  "name",
  "officerName",
  "firNumber",
  "accused",
  "note",
  "notes",
  "discussion",
  "decisions",
  "description",
  "reason",
  "comment",
  "detail",
  "values",
] as const;
const redacted = new Set<string>(redactedFields);

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Only the path of an address: its query may hold whatever was typed into a filter. */
export const pathOnly = (pathOrUrl: string) => pathOrUrl.replace(/[?#].*$/s, "");

export function logLine(level: LogLevel, msg: string, fields: LogFields = {}): string {
  const line: Record<string, unknown> = { time: new Date().toISOString(), level, msg };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    line[key] = redacted.has(key)
      ? "[redacted]"
      : key === "path" && typeof value === "string"
        ? pathOnly(value)
        : value;
  }
  return JSON.stringify(line);
}

export function log(level: LogLevel, msg: string, fields?: LogFields): void {
  (level === "info" ? process.stdout : process.stderr).write(logLine(level, msg, fields) + "\n");
}

/** An error as one line: its name and, for what the app did wrong, its stack, never its message's data. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as Error & { code?: unknown }).code;
  const stack = error.stack
    ?.split("\n")
    .slice(1, 6)
    .map((l) => l.trim())
    .join(" | ");
  return { error: error.name, code: typeof code === "string" ? code : undefined, stack };
}

// The request being served, shared (through globalThis) by server.ts and the built app, which
// load this module separately: the session lookup notes the user id for the request's log line.
type RequestLog = { userId?: number };
const storeKey = Symbol.for("testa-desk.request-log");
const holder = globalThis as { [storeKey]?: AsyncLocalStorage<RequestLog> };
export const requestLog: AsyncLocalStorage<RequestLog> = (holder[storeKey] ??= new AsyncLocalStorage<RequestLog>());

export function noteRequestUser(userId: number): void {
  const current = requestLog.getStore();
  if (current) current.userId = userId;
}
