/**
 * A count with its noun in the right form: `plural(1, "case", "cases")` is "1 case". The form is
 * chosen by Intl.PluralRules, never by `n === 1`, and every count the product writes goes through
 * here, so that translations (ICU plurals, with a language's own categories) replace this one function.
 */
const rules = new Intl.PluralRules("en-IN");
const numbers = new Intl.NumberFormat("en-IN");

/** A count as people in India write it: 1,00,000 (lakh grouping). */
export function formatCount(count: number): string {
  return numbers.format(count);
}

export function plural(count: number, one: string, other: string): string {
  return `${formatCount(count)} ${rules.select(count) === "one" ? one : other}`;
}
