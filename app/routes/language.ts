import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { parseForm, readForm } from "~/lib/forms";
import { safeRedirect } from "~/lib/safe-redirect";
import { config } from "~/config.server";
import { languageSwitchSchema } from "~/schemas/account";
import { serializeLanguageCookie } from "~/services/language.server";

// The language switch before sign-in posts here: the choice goes into a cookie and the person is
// back on the page they were reading, now in that language. Nothing else is written.

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(languageSwitchSchema, await readForm(request));
  if (!form.ok) throw new Response("errors.languageInvalid", { status: 400 });
  return redirect(safeRedirect(form.data.redirectTo, "/", config().APP_URL), {
    headers: { "Set-Cookie": await serializeLanguageCookie(form.data.language) },
  });
}
