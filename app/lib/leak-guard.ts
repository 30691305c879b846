// The leak guard's pure core: where in a text a protected name, place, number or FIR sits, and
// what a one-click rewrite puts in its place. The protected set holds keyed fingerprints only.
import { hmac, normaliseName } from "./identity";

export type ProtectedMatch = {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  kind: "name" | "place" | "phone" | "id-number" | "fir";
  /** Whose it is: a victim's, an accused person's, or a case's (its FIR); none for a bare phone or ID number. */
  subject?: "victim" | "accused" | "case";
  /** What a one-click rewrite puts in its place: "V-0042", "the accused (A-2 of DEM-2026-0042)", … */
  replacement: string;
};

/** Who a fingerprint protects, and what stands in for it. */
export type Protectee = { kind: ProtectedMatch["kind"]; subject?: ProtectedMatch["subject"]; replacement: string };

export type ProtectedSet = {
  key: string;
  /** Fingerprint of a protected word run → whose it is. */
  fps: Map<string, Protectee>;
  /** FIR number as compared (see firKey) → the case it belongs to. */
  firs: Map<string, Protectee>;
};

export const victimStandIn = (code: string): Protectee => ({ kind: "name", subject: "victim", replacement: code });
export const accusedStandIn = (position: number, caseCode: string): Protectee => ({ kind: "name", subject: "accused", replacement: `the accused (A-${position} of ${caseCode})` });
export const firStandIn = (caseCode: string): Protectee => ({ kind: "fir", subject: "case", replacement: `the FIR of ${caseCode}` });

type Token = { text: string; start: number; end: number };

/** The words of a text with their offsets; codes such as DEM-2026-0042 and 0234/2025 stay whole. */
export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}/-]+/gu)) {
    const word = m[0]
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/^[-/]+|[-/]+$/g, "");
    if (!word) continue;
    // What the old splitter treated as a separator (other scripts, symbols) still separates.
    for (const part of word.split(/[^a-z0-9\u0900-\u097f/-]+/)) if (part) out.push({ text: part, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * An FIR number as compared: the last run of digits before any "/year", without leading zeros, so
 * "CR 0234/2025", "FIR No. 234" and "234" are one number. A number with no digits is kept as is.
 */
export function firKey(fir: string): string {
  const head = fir.split("/")[0].trim().toLowerCase();
  const digits = head.match(/\d+/g)?.at(-1);
  return digits ? digits.replace(/^0+(?=\d)/, "") : head;
}

/** Words that, within the four before a number, make it an FIR citation ("C.R." and "F.I.R." arrive as letters). */
const firContext = /(^| )(firs?|cr|crime|f i r|c r)( |$)/;

/**
 * The number token i cites as an FIR, or null. A number is an FIR citation when it carries a
 * four-digit year ("0234/2025", "234/2025"), is joined to the word ("FIR-0234"), or comes within
 * four words after "FIR", "FIRs", "C.R.", "crime" ("FIR No. 234", "Cr. No. 234 of 2025", "FIR
 * 234/25", "FIRs 111 and 234"). A bare number elsewhere (a phone number, a count, a date such as
 * "by 15/12") is not, so "0106" in "+91 712 256 0106" passes.
 */
function firCited(tokens: string[], i: number): string | null {
  const t = tokens[i];
  const joined = /^(?:fir|cr)-(\d+)$/.exec(t);
  if (joined) return firKey(joined[1]);
  // Number/year with a four-digit year; "15/12" (a day and month) is not an FIR.
  if (/^[a-z0-9-]*\d\/(?:19|20)\d{2}$/.test(t)) return firKey(t);
  if (!/^\d+(?:\/\d{2})?$/.test(t)) return null;
  return firContext.test(tokens.slice(Math.max(0, i - 4), i).join(" ")) ? firKey(t) : null;
}

/**
 * Every protected name (a run of 1 to 4 words) and FIR number in the text, in order, none
 * overlapping: at each word the longest protected run wins.
 */
export function findProtected(text: string, set: ProtectedSet): ProtectedMatch[] {
  if (!set.fps.size && !set.firs.size) return [];
  const raw = tokensOf(text);
  const found: ProtectedMatch[] = [];
  const add = (first: Token, last: Token, who: Protectee) => found.push({ start: first.start, end: last.end, ...who });
  if (set.firs.size) {
    const texts = raw.map((t) => t.text);
    raw.forEach((t, i) => {
      const cited = firCited(texts, i);
      const who = cited === null ? undefined : set.firs.get(cited);
      if (who) add(t, t, who);
    });
  }
  if (set.fps.size) {
    // Each word is normalised once (honorifics drop out); every run of 1 to 4 is fingerprinted once.
    const words = raw.flatMap((t) => normaliseName(t.text).map((w) => ({ w, t })));
    const fpOf = new Map<string, string>();
    for (let i = 0; i < words.length; i++) {
      let run = "";
      let best: [number, Protectee] | null = null;
      for (let n = 0; n < 4 && i + n < words.length; n++) {
        run = n ? `${run} ${words[i + n].w}` : words[i].w;
        let fp = fpOf.get(run);
        if (fp === undefined) fpOf.set(run, (fp = hmac(set.key, `guard:${run}`)));
        const who = set.fps.get(fp);
        if (who) best = [n, who];
      }
      if (best) {
        add(words[i].t, words[i + best[0]].t, best[1]);
        i += best[0];
      }
    }
  }
  return withoutOverlaps(found);
}

/** In text order; where two overlap, the one starting first (the longer at a tie) stays. */
function withoutOverlaps(found: ProtectedMatch[]): ProtectedMatch[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ProtectedMatch[] = [];
  for (const m of found) if (!out.length || m.start >= out[out.length - 1].end) out.push(m);
  return out;
}

/** The text with every match put in its replacement: the one-click rewrite. */
export function rewriteProtected(text: string, matches: ProtectedMatch[]): string {
  let out = "";
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + m.replacement;
    at = m.end;
  }
  return out + text.slice(at);
}
