import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { parseForm, readForm } from "~/lib/forms";
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
import { hashPassword } from "~/services/password.server";

// The token is in the URL: no request from this page may carry the path in its Referer. "strict-origin"
// sends the origin only; "no-referrer" would also make the browser post `Origin: null`, which the
// cross-site check refuses, so the form would fail without JavaScript.
export const meta: MetaFunction = () => [
  { title: "Set your password · TESTA Desk" },
  { name: "referrer", content: "strict-origin" },
];

const refusals: Record<Exclude<TokenCheck["status"], "valid">, string> = {
  used: "This link has already been used. Sign in with your password, or ask the administrator for a new link.",
  expired: `This link has expired (links last ${passwordLinkDays} days). Ask the administrator for a new link.`,
  unknown: "This link is not valid. Check that it was copied whole, or ask the administrator for a new link.",
};

export async function loader({ params }: LoaderFunctionArgs) {
  const check = checkPasswordToken(getDb(), params.token ?? "");
  if (check.status !== "valid")
    return data({ refusal: refusals[check.status], name: null }, { status: check.status === "unknown" ? 404 : 410 });
  return { refusal: null, name: check.user.name };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const form = parseForm(setPasswordSchema, await readForm(request));
  if (!form.ok) return data({ errors: form.errors, values: {} }, { status: 400 });
  // Refuse a dead link before spending time on hashing; the transaction below checks again.
  const check = checkPasswordToken(db, token);
  if (check.status !== "valid") return data({ errors: { form: refusals[check.status] }, values: {} }, { status: 410 });
  const result = redeemPasswordToken(db, token, await hashPassword(form.data.password));
  if (result.status !== "valid")
    return data({ errors: { form: refusals[result.status] }, values: {} }, { status: 410 });
  const today = todayIn(getCollective(db, result.user.collectiveId).timeZone);
  const resolved = resolveSessionUser(db, result.user, today);
  if (resolved.ok)
    return redirect("/", { headers: { "Set-Cookie": await createSessionCookie(request, result.user.id) } });
  // A successor seated ahead of the transfer date sets a password now and signs in from that day.
  const upcoming = upcomingTenureOf(db, result.user.id, today);
  return {
    passwordSet: upcoming
      ? `Your password is set. Your tenure in the seat begins on ${formatDate(upcoming.startsOn)}: sign in from that day.`
      : "Your password is set, but this account cannot sign in now. Ask the administrator.",
  };
}

export default function Welcome() {
  const { refusal, name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && "passwordSet" in result) {
    return (
      <div className="page page--narrow">
        <h1>Password set</h1>
        <p className="notice" role="status">
          {result.passwordSet}
        </p>
        <p>
          <Link to="/login">Go to sign-in</Link>
        </p>
      </div>
    );
  }
  const feedback = result && "errors" in result ? result : undefined;
  if (refusal) {
    return (
      <div className="page page--narrow">
        <h1>This link cannot be used</h1>
        <p className="form-error" role="alert">
          {refusal}
        </p>
        <p>
          <Link to="/login">Go to sign-in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Welcome to TESTA Desk, {name}</h1>
      <p>Choose a password to finish setting up your account. You will be signed in straight away.</p>
      <div className="card">
        <ValidatedForm schema={setPasswordSchema} method="post" feedback={feedback}>
          <Field
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
          />
          <Field name="confirm" label="Repeat the password" type="password" autoComplete="new-password" />
          <button type="submit" className="button">
            Set password and sign in
          </button>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
