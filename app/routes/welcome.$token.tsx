import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { parseForm } from "~/lib/forms";
import { checkPasswordToken, passwordLinkDays, usePasswordToken, type TokenCheck } from "~/models/password-token.server";
import { setPasswordSchema } from "~/schemas/department";
import { createSessionCookie } from "~/services/auth.server";
import { hashPassword } from "~/services/password.server";

export const meta: MetaFunction = () => [{ title: "Set your password · TESTA Desk" }, { name: "referrer", content: "no-referrer" }];

const refusals: Record<Exclude<TokenCheck["status"], "valid">, string> = {
  used: "This link has already been used. Sign in with your password, or ask the administrator for a new link.",
  expired: `This link has expired (links last ${passwordLinkDays} days). Ask the administrator for a new link.`,
  unknown: "This link is not valid. Check that it was copied whole, or ask the administrator for a new link.",
};

export async function loader({ params }: LoaderFunctionArgs) {
  const check = checkPasswordToken(getDb(), params.token ?? "");
  if (check.status !== "valid") return data({ refusal: refusals[check.status], name: null }, { status: check.status === "unknown" ? 404 : 410 });
  return { refusal: null, name: check.user.name };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = parseForm(setPasswordSchema, await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: {} }, { status: 400 });
  const passwordHash = await hashPassword(form.data.password);
  const result = usePasswordToken(getDb(), params.token ?? "", passwordHash);
  if (result.status !== "valid") return data({ errors: { form: refusals[result.status] }, values: {} }, { status: 410 });
  return redirect("/", { headers: { "Set-Cookie": await createSessionCookie(request, result.user.id) } });
}

export default function Welcome() {
  const { refusal, name } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
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
          <Field name="password" label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." />
          <Field name="confirm" label="Repeat the password" type="password" autoComplete="new-password" />
          <button type="submit" className="button">
            Set password and sign in
          </button>
        </ValidatedForm>
      </div>
    </div>
  );
}
