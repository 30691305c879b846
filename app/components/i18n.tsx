import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { i18nFor, isLanguage, translated, type Language, type Translate } from "~/lib/i18n";

/** Gives every component below the page's language: the one the server rendered in, so hydration matches. */
export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  const i18n = useMemo(() => i18nFor(language), [language]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/** The page's language ("en-IN" outside a provider). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : "en-IN";
}

/** The catalogue's words in the page's language, keys checked by the compiler: t("login.heading"). */
export function useT(): Translate {
  const { t } = useTranslation();
  return (key, values) => t(key, values ?? {}) as string;
}

/** A message that may be a catalogue key (a zod message, an error's body) in the page's language. */
export function useTranslated(): (text: string) => string {
  const language = useLanguage();
  return (text) => translated(language, text);
}
