import type { Conn } from "#db/client";
import type { Role } from "#db/schema/enums";
import { can } from "~/lib/permissions";
import { maskSpans, outOfScope, type GuardScope } from "~/lib/protected-text";
import { findProtected, protectedSet } from "./identity.server";

/** Keys whose values are an officer's own details (a seat holder, an attendee, who wrote an update). */
const ownContactKeys = new Set([
  "officerName",
  "officer",
  "attendeeName",
  "attendeeDesignation",
  "designation",
  "email",
  "phone",
  "who",
  "holder",
  "userName",
]);

/**
 * The data a loader hands to a page shown to a representative or an observer, with every
 * protected stretch of every string shown as "[protected]". One pass over the whole payload,
 * so text stored before a name became protected (an old action item, an amendment, a frozen
 * version) is covered wherever a page shows it. The secretariat and the admin see the text, to
 * correct it (see the Needs redaction page).
 */
export function maskForReader<T>(db: Conn, user: { role: Role; collectiveId: number }, payload: T): T {
  // Those who read protected text to correct it see it; everyone else reads it masked.
  if (can(user.role, "read:protected-text")) return payload;
  const set = protectedSet(db, user.collectiveId);
  const masked = new Map<string, string>();
  const mask = (text: string, scope: GuardScope) => {
    const key = `${scope}:${text}`;
    let out = masked.get(key);
    if (out === undefined)
      masked.set(key, (out = text.length < 2 ? text : maskSpans(text, outOfScope(findProtected(text, set), scope))));
    return out;
  };
  return mapTexts(payload, mask);
}

/**
 * Every string of a payload through `rewrite`, told whether it is an officer's own details (by its
 * key: a seat holder, an attendee, who wrote an update) or open text. Plain objects and arrays only.
 */
export function mapTexts<T>(payload: T, rewrite: (text: string, scope: GuardScope) => string): T {
  const walk = (value: unknown, scope: GuardScope): unknown => {
    if (typeof value === "string") return rewrite(value, scope);
    if (Array.isArray(value)) return value.map((v) => walk(v, scope));
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, walk(v, ownContactKeys.has(k) ? "own-contact" : scope)]),
      );
    }
    return value;
  };
  return walk(payload, "open") as T;
}
