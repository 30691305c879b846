/**
 * A count with its noun in the right form: `plural(1, "case", "cases")` is "1 case". The form is
 * chosen by Intl.PluralRules, never by `n === 1`, and every count the product writes goes through
 * here. English only: text in the reader's language is a catalogue message with a count (app/lib/i18n).
 */
import { formatCount } from "~/lib/i18n";

export { formatCount };

const rules = new Intl.PluralRules("en-IN");

export function plural(count: number, one: string, other: string): string {
  return `${formatCount(count)} ${rules.select(count) === "one" ? one : other}`;
}
