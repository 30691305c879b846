import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n";
import { languageFromAcceptLanguage } from "~/lib/i18n/negotiate";
import { getCollective } from "~/models/collective.server";
import type { SessionUser } from "~/models/user.server";
import { getSessionUser } from "./auth.server";

// The language switch shown before sign-in keeps its choice here for a year. It names a language
// and nothing else, so it is not signed; anything else in it is ignored.
const languageCookie = createCookie("testa_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86_400 });

export async function languageCookieValue(request: Request): Promise<Language | null> {
  const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(value) ? value : null;
}

export const serializeLanguageCookie = (language: Language) =>
  languageCookie.serialize(language, { secure: config().APP_URL.startsWith("https://") });

/** The language a person reads: their own preference, else the collective's default. */
export function readerLanguage(user: Pick<SessionUser, "language" | "collectiveId">): Language {
  return user.language ?? getCollective(getDb(), user.collectiveId).defaultLanguage;
}

/**
 * The language of a page. Signed in: the person's preference, else the switch's cookie, else the
 * collective's default. Before sign-in: the switch's cookie, else what the browser asks for.
 */
export async function requestLanguage(request: Request, user?: SessionUser | null): Promise<Language> {
  const signedIn = user === undefined ? await getSessionUser(request) : user;
  if (signedIn?.language) return signedIn.language;
  const chosen = await languageCookieValue(request);
  if (chosen) return chosen;
  if (signedIn) return readerLanguage(signedIn);
  return languageFromAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLanguage;
}
