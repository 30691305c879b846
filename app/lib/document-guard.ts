// The leak guard over a whole document, as a pure function of the document and the protected
// set (which app/models/identity.server.ts builds): every piece of text is checked in its scope,
// and the first that holds something protected stops the document, named as a person would.
import { findProtected } from "./leak-guard";
import type { ProtectedSet } from "./protected-set";
import { outOfScope, type GuardScope } from "./protected-text";

/**
 * A document stopped by the guard, naming where the protected text is ("action 12's blocked
 * reason") and, when known, the page to correct it on. The message says what did not happen.
 */
export class LeakBlocked extends Error {
  constructor(
    readonly document: string,
    readonly field: string,
    readonly fixUrl: string | null = null,
    /** What did not happen: "sent", "confirmed", "saved". */
    readonly outcome = "sent",
  ) {
    super(
      `There is a protected name or number in ${field}, so ${document} ${/minutes$/.test(document) ? "were" : "was"} not ${outcome}. Correct it there and try again.`,
    );
  }

  /** The same for a download: nothing is sent, the file is just not produced. */
  get downloadMessage() {
    return `There is a protected name or number in ${this.field}, so ${this.document} cannot be downloaded until it is corrected.`;
  }
}

/** A piece of a document: where it is (as a person would name it), its text, where to correct it, and what it may hold. */
export type GuardedText = [field: string, text: string | null | undefined, fixUrl?: string | null, scope?: GuardScope];

/** Between a block's place and the page to correct it on, in its audit entry. */
export const fixSeparator = " · correct at ";

/** True when the text holds a protected name, place, number or FIR. */
export function containsProtected(text: string, set: ProtectedSet): boolean {
  return findProtected(text, set).length > 0;
}

/**
 * Every piece of text in a document, for the guard. A document lists the fields it can name
 * exactly ("the minutes of item 4") first, then all its text, so that nothing in it goes
 * unguarded; each piece is named by its top-level key ("nextMeeting" is "the next meeting").
 * `scopes` marks top-level keys that hold officers' own details (a seat holder's name and phone).
 */
export function everyText(doc: object, scopes: Partial<Record<string, GuardScope>> = {}): GuardedText[] {
  const out: GuardedText[] = [];
  const walk = (value: unknown, label: string, scope: GuardScope | undefined) => {
    if (typeof value === "string") out.push([label, value, null, scope]);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, label, scope));
    else if (value && typeof value === "object") for (const v of Object.values(value)) walk(v, label, scope);
  };
  for (const [key, value] of Object.entries(doc))
    walk(value, `the ${key.replace(/([A-Z])/g, " $1").toLowerCase()}`, scopes[key]);
  return out;
}

/** Checks every field of an outbound document against the set; throws LeakBlocked naming the document and the field. */
export function guardFields(set: ProtectedSet, document: string, fields: GuardedText[], outcome = "sent") {
  for (const [field, text, fixUrl, scope] of fields) {
    if (text && outOfScope(findProtected(text, set), scope).length)
      throw new LeakBlocked(document, field, fixUrl ?? null, outcome);
  }
}
