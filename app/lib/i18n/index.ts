// The product's words in each reader's language, on the server (pages, emails, PDFs, invites, CSV)
// and in the browser alike: one i18next instance per language, built once and never switched, so
// concurrent requests in different languages cannot disturb each other and hydration renders the
// very words the server wrote.
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { languages, type Language } from "#db/schema/enums";
import type { MessageKey } from "./catalogue";
import { enIN } from "./en-IN";
import { hi } from "./hi";
import { mr } from "./mr";

export { languages, type Language };
export type { MessageKey };

export const defaultLanguage: Language = "en-IN";

export const catalogues = { "en-IN": enIN, mr, hi } as const;

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (languages as readonly string[]).includes(value);

/**
 * The locale Intl formats in: Latin digits (nu-latn) in every language, since CLDR's Marathi
 * default writes Devanagari digits; dates stay DD/MM/YYYY by our own formatting.
 */
export function intlLocale(language: Language): string {
  return language === "en-IN" ? "en-IN" : `${language}-IN-u-nu-latn`;
}

const counts = new Map<Language, Intl.NumberFormat>();
/** A count as people in India write it, 1,00,000 (lakh grouping), in Latin digits. */
export function formatCount(count: number, language: Language = defaultLanguage): string {
  let f = counts.get(language);
  if (!f) counts.set(language, (f = new Intl.NumberFormat(intlLocale(language))));
  return f.format(count);
}

/** A message with its values, kept as meaning until a reader's language is known. */
export type Message = { key: MessageKey; values?: Record<string, string | number> };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const instances = new Map<Language, I18n>();

/** The i18next instance of a language (initialised synchronously: the catalogues are in the bundle). */
export function i18nFor(language: Language): I18n {
  let instance = instances.get(language);
  if (instance) return instance;
  instance = createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...languages],
    resources: { [language]: { translation: catalogues[language] } },
    initAsync: false,
    // React escapes what it renders, and the email layout escapes its HTML itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.services.formatter?.add("count", (value: unknown) => formatCount(Number(value), language));
  instances.set(language, instance);
  return instance;
}

/** The words of one language, for code outside React: `t("login.heading")`, `t("count.minutes", { count: 3 })`. */
export function translator(language: Language): Translate {
  const t: TFunction = i18nFor(language).t;
  return (key, values) => t(key, values ?? {}) as string;
}

/** Whether a string is one of the catalogue's keys (a zod message or an error's body written as a key). */
export function isMessageKey(text: string): text is MessageKey {
  return /^[a-zA-Z]+\.[a-zA-Z_.]+$/.test(text) && i18nFor(defaultLanguage).exists(text);
}

/** A key in the reader's language; any other text (already words, e.g. not yet converted) as it is. */
export function translated(language: Language, text: string): string {
  return isMessageKey(text) ? translator(language)(text) : text;
}

/** The `lang` attribute of a page or email in a language. */
export const htmlLang = (language: Language) => language;
