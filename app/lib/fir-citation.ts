import { at } from "./at";

// Where a text cites a protected FIR number, however it is written: "FIR0312", "FIR/0312/2024",
// "0312-2024", "C.R. No. 312 of 2024", or any number in the same sentence as FIR, C.R. or crime
// no. A number labelled as something else (Circular No., GR No., Room, BNS 143/2023) is not one.

export type Cited = { start: number; end: number; fir: string };

/**
 * An FIR number as compared: the last run of digits before any "/year", without leading zeros, so
 * "CR 0234/2025", "FIR No. 234" and "234" are one number. A number with no digits is kept as is.
 */
export function firKey(fir: string): string {
  const head = (fir.split("/")[0] ?? "").trim().toLowerCase();
  const digits = head.match(/\d+/g)?.at(-1);
  return digits ? digits.replace(/^0+(?=\d)/, "") : head;
}

/** An FIR number as a search compares it: its key (firKey) and its year when written ("0234/2025", "234-2025", "234 of 2025"). */
export function firParts(fir: string): { key: string; year: number | null } {
  const written = /^(.*\d.*?)(?:\s*[/-]\s*|\s+of\s+)((?:19|20)\d{2})\s*$/i.exec(fir.trim());
  const [, number, year] = written ?? [];
  return number && year ? { key: firKey(number), year: Number(year) } : { key: firKey(fir), year: null };
}

/**
 * Whether a searched FIR number is a recorded one: the same number without leading zeros ("234",
 * "FIR 234" and "0234/2025" are one), and the same year when both give one. `year` is the case's
 * recorded FIR year, used when its number does not carry one.
 */
export function firMatches(searched: string, recorded: { fir: string; year: number | null }): boolean {
  const s = firParts(searched);
  const r = firParts(recorded.fir);
  const year = r.year ?? recorded.year;
  return s.key === r.key && (s.year === null || year === null || s.year === year);
}

type Token = { t: string; start: number; end: number; sentence: number };

// Words split at spaces and dots ("C.R." is c, r); digits joined by / or - or . stay one token.
// (Latin and Devanagari letters by range: a Unicode-property pattern is several times slower.)
const tokenRe =
  /[A-Za-z0-9\u00c0-\u024f\u0900-\u097f]+(?:(?:[/-]|(?<=\d)\.(?=\d))[A-Za-z0-9\u00c0-\u024f\u0900-\u097f]+)*/g;
/** A dot after these does not end a sentence ("FIR No. 234", "Smt. Patil"). */
const abbreviations = new Set([
  "no",
  "nos",
  "cr",
  "sr",
  "st",
  "dt",
  "smt",
  "shri",
  "dr",
  "mr",
  "mrs",
  "ms",
  "sec",
  "vs",
  "ltd",
  "govt",
  "dept",
  "hon",
  "adv",
  "spl",
  "misc",
  "appl",
  "ref",
  "rs",
  "regd",
  "reg",
  "vol",
  "art",
  "cl",
  "sub",
  "addl",
  "asst",
  "dy",
  "jt",
  "approx",
  "exh",
  "para",
  "viz",
  "etc",
  "u/s",
  "pi",
  "psi",
  "api",
]);
/** A number right after these (or a list of numbers after them) is something else's number. */
const labels = new Set([
  "circular",
  "gr",
  "order",
  "orders",
  "room",
  "sc",
  "section",
  "sections",
  "sec",
  "u/s",
  "bns",
  "bnss",
  "bsa",
  "ipc",
  "crpc",
  "pocso",
  "itpa",
  "act",
  "rule",
  "rules",
  "ward",
  "plot",
  "house",
  "flat",
  "survey",
  "gat",
  "outward",
  "inward",
  "letter",
  "ref",
  "reference",
  "file",
  "receipt",
  "page",
  "pages",
  "para",
  "item",
  "items",
  "exh",
  "exhibit",
  "rcc",
  "cc",
  "ba",
  "appeal",
  "wp",
  "application",
  "rs",
  "inr",
  "year",
  "age",
  "aged",
  "batch",
  "meeting",
  "agenda",
  "action",
  "tender",
  "token",
  "seat",
  "bed",
  "floor",
  "platform",
]);
/** A year after these is a date ("registered in 2024"), not an FIR numbered 2024. */
const beforeYears = new Set(["in", "of", "since", "from", "till", "until", "by", "during", "before", "after", "year"]);
/** Acts named after a section number ("370 IPC") make it a section. */
const actsAfter = new Set(["ipc", "bns", "bnss", "bsa", "crpc", "pocso", "itpa", "act"]);
const months = new Set([
  "jan",
  "january",
  "feb",
  "february",
  "mar",
  "march",
  "apr",
  "april",
  "may",
  "jun",
  "june",
  "jul",
  "july",
  "aug",
  "august",
  "sep",
  "sept",
  "september",
  "oct",
  "october",
  "nov",
  "november",
  "dec",
  "december",
]);
const skippable = new Set(["no", "nos", "number", "numbers"]);

/** Whether the gap after prev ends a sentence: a line break or danda, or a stop that is not an abbreviation's, before a word not in lower case. */
function endsSentence(text: string, prev: Token, next: number, word: string): boolean {
  let stop = false;
  for (let i = prev.end; i < next; i++) {
    const c = text[i];
    if (c === "\n" || c === "।" || c === "॥") return true;
    if (c === "." || c === "!" || c === "?") stop = true;
  }
  return stop && prev.t.length > 1 && !abbreviations.has(prev.t) && !/^[a-z\u00df-\u00ff]/.test(word);
}

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  let sentence = 0;
  for (const m of text.matchAll(tokenRe)) {
    const prev = out.at(-1);
    const t = m[0].toLowerCase();
    if (prev && m.index > prev.end && endsSentence(text, prev, m.index, m[0])) sentence++;
    out.push({ t, start: m.index, end: m.index + m[0].length, sentence });
  }
  return out;
}

/** Whether tokens at i start an FIR keyword: FIR, FIRs, F.I.R., or C.R./Cr./crime followed by no. or a number. */
function keywordLength(tokens: Token[], i: number): number {
  const t = (k: number) => tokens[i + k]?.t ?? "";
  const then = (k: number) => skippable.has(t(k)) || /^\d/.test(t(k));
  if (t(0) === "fir" || t(0) === "firs") return 1;
  if (t(0) === "f" && t(1) === "i" && t(2) === "r") return 3;
  if (t(0) === "c" && t(1) === "r" && then(2)) return 2;
  if ((t(0) === "cr" || t(0) === "crime") && then(1)) return 1;
  return 0;
}

const courtCases = new Set(["sessions", "special", "spl", "criminal", "misc", "regular", "summary"]);
/** "Sessions Case", "S.C.", "G.R." are labels too; "C.R." is the FIR's. */
const isLabel = (t: string, before: string) =>
  labels.has(t) ||
  (t === "case" && courtCases.has(before)) ||
  (t === "c" && before === "s") ||
  (t === "r" && before === "g");

const financialYear = (a: string, b: string) => /^(?:19|20)\d\d$/.test(a) && Number(b) === Number(a) + 1;

/** Every FIR citation of the text whose number is in firs, spanning its label ("FIR No. 0312") and year ("of 2024"). */
export function firCitations(text: string, firs: { has(fir: string): boolean }): Cited[] {
  if (!/\d/.test(text)) return [];
  const tokens = tokensOf(text);
  const cited: Cited[] = [];
  const inFirSentence = new Set<number>();
  /** The last token of each keyword → its first. */
  const keywordEnds = new Map<number, number>();
  tokens.forEach((_, i) => {
    const n = keywordLength(tokens, i);
    if (n) {
      keywordEnds.set(i + n - 1, i);
      inFirSentence.add(at(tokens, i).sentence);
    }
  });
  let labelled = false;
  for (let i = 0; i < tokens.length; i++) {
    const { t, sentence } = at(tokens, i);
    const before = tokens[i - 1]?.t;
    // A label holds over "No." and over a list of numbers after it ("Sections 143, 144").
    if (!/^\d/.test(t) && !skippable.has(t) && t !== "and") labelled = isLabel(t, before ?? "");
    const joined = /^(?:fir|cr)[/-]?(\d+)(?:[/-]\d{2,4})?$/.exec(t);
    let number: string | null = joined?.[1] ?? null;
    if (!number && !labelled) {
      const year = /^(\d+)[/-]((?:19|20)\d{2})$/.exec(t);
      const [, count, of] = year ?? [];
      if (count && of && !financialYear(count, of)) number = count;
      else if (inFirSentence.has(sentence) && /^\d+(?:\/\d{2})?$/.test(t)) number = t;
    }
    if (!number || !firs.has(firKey(number))) continue;
    const after = tokens[i + 1]?.t ?? "";
    if (!joined && (actsAfter.has(after) || months.has(after) || months.has(before ?? ""))) continue;
    if (/^(?:19|20)\d{2}$/.test(t) && beforeYears.has(before ?? "")) continue;
    let k = i - 1;
    while (k >= 0 && skippable.has(at(tokens, k).t)) k--;
    const first = keywordEnds.get(k) ?? i;
    let last = i;
    if (after === "of" && /^(?:19|20)\d{2}$/.test(tokens[i + 2]?.t ?? "")) last = i + 2;
    cited.push({ start: at(tokens, first).start, end: at(tokens, last).end, fir: firKey(number) });
  }
  return cited;
}
