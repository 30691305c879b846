import { languages, type Language } from "#db/schema/enums";

/**
 * The language an Accept-Language header asks for, among ours: "mr-IN,mr;q=0.9,en;q=0.8" is
 * Marathi, "hi" Hindi, any English English (India). Ranges are tried by their q, highest first.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = Number(/^\s*q=([\d.]+)\s*$/.exec(params.find((p) => /^\s*q=/.test(p)) ?? "")?.[1] ?? 1);
      return { tag: range.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split("-")[0];
    if (primary === "en") return "en-IN";
    const match = languages.find((l) => l === primary);
    if (match) return match;
  }
  return null;
}
