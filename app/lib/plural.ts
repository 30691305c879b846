/**
 * A count with its noun in the right form: `plural(1, "case", "cases")` is "1 case". The form is
 * chosen by Intl.PluralRules, never by `n === 1`, and every count the product writes goes through
 * here, so that translations (ICU plurals, with a language's own categories) replace this one function.
 */
const rules = new Intl.PluralRules("en-IN");

export function plural(count: number, one: string, other: string): string {
  return `${count} ${rules.select(count) === "one" ? one : other}`;
}
