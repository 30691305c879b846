// Pure helpers over the guard's matches: the words a person sees in a refusal, the rewrite they
// are offered, and the masked text shown to readers who must not see the original.

/**
 * What a piece of text may hold:
 * - "open" (the default): nothing protected;
 * - "restricted": accused persons' names and FIR numbers (event notes, accused names), never a victim's;
 * - "own-contact": a seat holder's own name, phone and email: not matched against accused names, phone numbers allowed.
 */
export type GuardScope = "open" | "restricted" | "own-contact";

type ScopedMatch = { kind: string; subject?: string };
const allowed: Record<GuardScope, (m: ScopedMatch) => boolean> = {
  open: () => false,
  restricted: (m) => m.subject === "accused" || m.subject === "case",
  "own-contact": (m) => m.subject === "accused" || m.kind === "phone",
};

/** The matches a piece of text of that scope may not hold. */
export const outOfScope = <M extends ScopedMatch>(matches: M[], scope: GuardScope = "open"): M[] =>
  matches.filter((m) => !allowed[scope](m));

/** One protected stretch of a text, as the matcher reports it (half-open [start, end)). */
export type ProtectedSpan = { start: number; end: number; kind: string; replacement: string };

/** Each match replaced by `by(match)`, working from the end so earlier offsets stay right. */
function replaceSpans(text: string, spans: readonly ProtectedSpan[], by: (span: ProtectedSpan) => string): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + by(s) + out.slice(s.end);
  return out;
}

export const protectedMask = "[protected]";
export const redactedMark = "[redacted]";

/** What a representative or an observer sees in place of a match. */
export const maskSpans = (text: string, spans: readonly ProtectedSpan[]) =>
  replaceSpans(text, spans, () => protectedMask);

/** What a redaction writes in place of a match. */
export const redactSpans = (text: string, spans: readonly ProtectedSpan[]) =>
  replaceSpans(text, spans, () => redactedMark);

const kindWords: Record<string, string> = {
  name: "a protected name",
  place: "a protected place",
  phone: "a phone number",
  "id-number": "an identity number",
  fir: "an FIR number",
};

/** The matched words with what each is, in text order, each listed once. */
export function matchWords(text: string, spans: readonly ProtectedSpan[]): { words: string; kind: string }[] {
  const seen = new Set<string>();
  return [...spans]
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ words: text.slice(s.start, s.end), kind: kindWords[s.kind] ?? "protected text" }))
    .filter((w) => !seen.has(w.words) && seen.add(w.words));
}

const joinAnd = (parts: string[]) =>
  parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;

/**
 * The message beside a refused field: names the field and the words, says what they are and
 * what to do. `label` is lower case ("the blocked reason"); the sentence capitalises it.
 */
export function refusalSentence(label: string, words: { words: string; kind: string }[]): string {
  const field = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  const list = joinAnd(words.map((w) => `“${w.words}” (${w.kind})`));
  return `${field} was not saved: it contains ${list}. Use the rewrite below, or describe it by case or victim code.`;
}
