import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/components/i18n";
import { parseForm, readForm } from "~/lib/forms";
import { translator, type Translate } from "~/lib/i18n";
import { formatDate, todayIn } from "~/lib/dates";
import { upcomingTenureOf } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import {
  checkPasswordToken,
  passwordLinkDays,
  redeemPasswordToken,
  type TokenCheck,
} from "~/models/password-token.server";
import { resolveSessionUser } from "~/models/user.server";
import { setPasswordSchema } from "~/schemas/department";
import { createSessionCookie } from "~/services/auth.server";
import { requestLanguage } from "~/services/language.server";
import { hashPassword } from "~/services/password.server";

// The token is in the URL: no request from this page may carry the path in its Referer. "strict-origin"
// sends the origin only; "no-referrer" would also make the browser post `Origin: null`, which the
// cross-site check refuses, so the form would fail without JavaScript.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · TESTA Desk` },
  { name: "referrer", content: "strict-origin" },
];

const refusal = (t: Translate, status: Exclude<TokenCheck["status"], "valid">): string =>
  status === "expired" ? t("welcome.expired", { count: passwordLinkDays }) : t(`welcome.${status}`);

// Before the password is set nobody is signed in: the page speaks the language of the switch or
// the browser, as the rest of the page (its header, <html lang>) does.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(await requestLanguage(request, null));
  const check = checkPasswordToken(getDb(), params.token ?? "");
  if (check.status !== "valid")
    return data(
      { title: t("welcome.title"), refusal: refusal(t, check.status), name: null },
      { status: check.status === "unknown" ? 404 : 410 },
    );
  return { title: t("welcome.title"), refusal: null, name: check.user.name };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const language = await requestLanguage(request, null);
  const t = translator(language);
  const refusals = (status: Exclude<TokenCheck["status"], "valid">) => refusal(t, status);
  const form = parseForm(setPasswordSchema, await readForm(request), language);
  if (!form.ok) return data({ errors: form.errors, values: {} }, { status: 400 });
  // Refuse a dead link before spending time on hashing; the transaction below checks again.
  const check = checkPasswordToken(db, token);
  if (check.status !== "valid") return data({ errors: { form: refusals(check.status) }, values: {} }, { status: 410 });
  const result = redeemPasswordToken(db, token, await hashPassword(form.data.password));
  if (result.status !== "valid")
    return data({ errors: { form: refusals(result.status) }, values: {} }, { status: 410 });
  const today = todayIn(getCollective(db, result.user.collectiveId).timeZone);
  const resolved = resolveSessionUser(db, result.user, today);
  if (resolved.ok)
    return redirect("/", { headers: { "Set-Cookie": await createSessionCookie(request, result.user.id) } });
  // A successor seated ahead of the transfer date sets a password now and signs in from that day.
  const upcoming = upcomingTenureOf(db, result.user.id, today);
  return {
    passwordSet: upcoming
      ? t("welcome.passwordSetFrom", { date: formatDate(upcoming.startsOn) })
      : t("welcome.passwordSetCannotSignIn"),
  };
}

export default function Welcome() {
  const { refusal, name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result && "passwordSet" in result) {
    return (
      <div className="page page--narrow">
        <h1>{t("welcome.passwordSet")}</h1>
        <p className="notice" role="status">
          {result.passwordSet}
        </p>
        <p>
          <Link to="/login">{t("welcome.goToSignIn")}</Link>
        </p>
      </div>
    );
  }
  const feedback = result && "errors" in result ? result : undefined;
  if (refusal) {
    return (
      <div className="page page--narrow">
        <h1>{t("welcome.linkUnusable")}</h1>
        <p className="form-error" role="alert">
          {refusal}
        </p>
        <p>
          <Link to="/login">{t("welcome.goToSignIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t("welcome.heading", { name: name ?? "" })}</h1>
      <p>{t("welcome.lede")}</p>
      <div className="card">
        <ValidatedForm schema={setPasswordSchema} method="post" feedback={feedback}>
          <Field
            name="password"
            label={t("welcome.newPassword")}
            type="password"
            autoComplete="new-password"
            hint={t("welcome.newPasswordHint")}
          />
          <Field name="confirm" label={t("welcome.repeat")} type="password" autoComplete="new-password" />
          <button type="submit" className="button">
            {t("welcome.submit")}
          </button>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
