import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { useT } from "~/components/i18n";
import { config } from "~/config.server";
import { parseForm, readForm } from "~/lib/forms";
import { translator } from "~/lib/i18n";
import { homePathFor } from "~/lib/permissions";
import { safeRedirect } from "~/lib/safe-redirect";
import { loginSchema } from "~/schemas/login";
import { createSessionCookie, getSessionUser, signIn } from "~/services/auth.server";
import { requestLanguage } from "~/services/language.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · TESTA Desk` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return { title: translator(await requestLanguage(request, null))("login.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const language = await requestLanguage(request, null);
  const form = parseForm(loginSchema, await readForm(request), language);
  if (!form.ok) return data({ errors: form.errors, values: { email: form.values.email ?? "" } }, { status: 400 });
  const result = await signIn(form.data.email, form.data.password, { client: context.clientAddress, language });
  if (!result.ok) {
    return data({ errors: { form: result.message }, values: { email: form.data.email } }, { status: 400 });
  }
  const cookie = await createSessionCookie(request, result.user.id);
  return redirect(safeRedirect(form.data.redirectTo, homePathFor(result.user.role), config().APP_URL), {
    headers: { "Set-Cookie": cookie },
  });
}

export default function Login() {
  const feedback = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const redirectTo = params.get("redirectTo") ?? "";
  // The form posts to the same address, query included, so a wrong password keeps where the
  // person was going for the next try (with or without JavaScript).
  const self = redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login";
  return (
    <div className="page page--narrow">
      <h1>{t("login.heading")}</h1>
      <p className="muted">{t("login.lede")}</p>
      <div className="card">
        <ValidatedForm schema={loginSchema} method="post" action={self} feedback={feedback}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field name="email" label={t("login.email")} type="email" autoComplete="username" />
          <Field name="password" label={t("login.password")} type="password" autoComplete="current-password" />
          <button type="submit" className="button">
            {t("login.submit")}
          </button>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
