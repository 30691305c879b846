import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField, ValidatedForm } from "~/components/form";
import { useLanguage, useT } from "~/components/i18n";
import { getDb } from "~/db.server";
import { parseForm, readForm } from "~/lib/forms";
import { languages, translator } from "~/lib/i18n";
import { labelIn } from "~/lib/labels";
import { getCollective } from "~/models/collective.server";
import { requireDepartment } from "~/models/department.server";
import { setUserLanguage } from "~/models/user.server";
import { accountLanguageSchema } from "~/schemas/account";
import { requireUser } from "~/services/auth.server";
import { requestLanguage } from "~/services/language.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · TESTA Desk` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const language = await requestLanguage(request, user);
  return {
    title: translator(language)("account.title"),
    name: user.name,
    email: user.email,
    role: user.role,
    seat: user.departmentId ? requireDepartment(db, user.collectiveId, user.departmentId).name : null,
    preference: user.language ?? "",
    collectiveDefault: getCollective(db, user.collectiveId).defaultLanguage,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(accountLanguageSchema, await readForm(request), await requestLanguage(request, user));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  setUserLanguage(getDb(), { collectiveId: user.collectiveId, userId: user.id, language: form.data.language || null });
  return redirect("/account?saved=1");
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const language = useLanguage();
  const languageName = (code: (typeof languages)[number]) => t(`language.${code}`);
  return (
    <div className="page page--narrow">
      <h1>{t("account.title")}</h1>
      {params.get("saved") ? (
        <p className="notice" role="status">
          {t("account.saved", { language: languageName(language) })}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("account.name")}</dt>
        <dd>{account.name}</dd>
        <dt>{t("account.email")}</dt>
        <dd>{account.email}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{labelIn(language, "role", account.role)}</dd>
        <dt>{t("account.seat")}</dt>
        <dd>{account.seat ?? t("account.noSeat")}</dd>
      </dl>
      <div className="card">
        <ValidatedForm schema={accountLanguageSchema} method="post" feedback={feedback}>
          <SelectField
            name="language"
            label={t("language.label")}
            hint={t("account.languageHint")}
            defaultValue={account.preference}
            options={[
              {
                value: "",
                label: t("language.collectiveDefault", { language: languageName(account.collectiveDefault) }),
              },
              ...languages.map((code) => ({ value: code, label: languageName(code) })),
            ]}
          />
          <button type="submit" className="button">
            {t("account.save")}
          </button>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
