import { Form, useLocation } from "@remix-run/react";
import { languages } from "~/lib/i18n";
import { useLanguage, useT } from "./i18n";

/**
 * Before sign-in: the three languages, each named in itself, as buttons that keep the choice in a
 * cookie (works without JavaScript: the form posts and comes back to the same page).
 */
export function LanguageSwitch() {
  const t = useT();
  const current = useLanguage();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switch" aria-label={t("language.choose")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <span className="muted">{t("language.label")}:</span>
      {languages.map((language) => (
        <button
          key={language}
          type="submit"
          name="language"
          value={language}
          lang={language}
          className="button button--quiet"
          aria-pressed={language === current}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </Form>
  );
}
