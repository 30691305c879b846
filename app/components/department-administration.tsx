import { departmentKinds } from "#db/schema/enums";
import { CheckboxField, Field, SelectField, ValidatedForm, type FormFeedback } from "~/components/form";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { departmentKindLabels, label } from "~/lib/labels";
import { departmentEditSchema, holderContactSchema, newLinkSchema, unlockSchema } from "~/schemas/department";

/** A holder of a department's seat, as its page shows them. */
export type Holding = {
  id: number;
  officerName: string;
  designation: string;
  email: string;
  phone: string | null;
  from: string;
  to: string | null;
  hasAccount: boolean;
  signInLocked: boolean;
};

/** What the department page's action answered: a refusal on one form, a saved notice, or a new sign-in link. */
type AdministrationResult =
  | { intent: string; errors: FieldErrors; values: FormValues }
  | { intent: string; saved: string }
  | { intent: string; link: { officerName: string; url: string; expiresOn: string } };

/**
 * The administrator's small corrections on a department's page: the department itself, the
 * details of the holder in the seat (and of the one about to take it), a new sign-in link, an unlock.
 */
export function DepartmentAdministration({
  department,
  holder,
  incoming,
  result,
}: {
  department: { name: string; kind: string; active: boolean };
  holder: Holding | null;
  incoming: Holding | null;
  result: AdministrationResult | undefined;
}) {
  const feedbackFor = (intent: string, tenureId?: number): FormFeedback => {
    if (!result || result.intent !== intent || !("errors" in result)) return undefined;
    const values = result.values;
    return tenureId === undefined || values.tenureId === String(tenureId)
      ? { errors: result.errors, values }
      : undefined;
  };
  const saved = result && "saved" in result ? result.saved : null;
  const link = result && "link" in result ? result.link : null;
  const holdings = [holder, incoming].filter((h): h is Holding => h !== null);
  return (
    <section aria-labelledby="administration">
      <h2 id="administration">Administration</h2>
      {saved ? (
        <div className="notice" role="status">
          {saved}
        </div>
      ) : null}
      {link ? (
        <div className="notice" role="status">
          <p>
            Give this sign-in link to {link.officerName}. It sets their password, works once, and expires on{" "}
            {link.expiresOn}. Any earlier link of theirs no longer works. It is not shown again.
          </p>
          <code className="link-box">{link.url}</code>
        </div>
      ) : null}
      <div className="card">
        <h3>The department</h3>
        <ValidatedForm schema={departmentEditSchema} method="post" feedback={feedbackFor("department")}>
          <input type="hidden" name="intent" value="department" />
          <div className="form-row">
            <Field name="name" label="Department name" defaultValue={department.name} />
            <SelectField
              name="kind"
              label="Kind"
              options={departmentKinds.map((k) => ({ value: k, label: label(departmentKindLabels, k) }))}
              defaultValue={department.kind}
            />
          </div>
          <CheckboxField
            name="active"
            label="Active member of the collective (an inactive department is left out of pickers and meeting mail)"
            defaultChecked={department.active}
          />
          <button type="submit" className="button">
            Save the department
          </button>
        </ValidatedForm>
      </div>
      {holdings.map((h) => (
        <div className="card" key={h.id}>
          <h3>Details of {h.officerName}</h3>
          <ValidatedForm schema={holderContactSchema} method="post" feedback={feedbackFor("contact", h.id)}>
            <input type="hidden" name="intent" value="contact" />
            <input type="hidden" name="tenureId" value={h.id} />
            <div className="form-row">
              <Field name="officerName" label="Name" defaultValue={h.officerName} autoComplete="off" />
              <Field name="designation" label="Designation" defaultValue={h.designation} />
            </div>
            <div className="form-row">
              <Field
                name="email"
                label="Official email"
                type="email"
                defaultValue={h.email}
                autoComplete="off"
                hint="Also the email they sign in with."
              />
              <Field name="phone" label="Phone (optional)" type="tel" defaultValue={h.phone} />
            </div>
            <button type="submit" className="button">
              Save {h.officerName}'s details
            </button>
          </ValidatedForm>
          {h.hasAccount ? (
            <ValidatedForm schema={newLinkSchema} method="post" feedback={feedbackFor("link", h.id)}>
              <input type="hidden" name="intent" value="link" />
              <input type="hidden" name="tenureId" value={h.id} />
              <p className="muted">
                For a sign-in link that expired or a forgotten password: a new single-use link to set a password.
              </p>
              <button type="submit" className="button button--quiet">
                New sign-in link for {h.officerName}
              </button>
            </ValidatedForm>
          ) : null}
          {h.signInLocked ? (
            <ValidatedForm schema={unlockSchema} method="post" feedback={feedbackFor("unlock", h.id)}>
              <input type="hidden" name="intent" value="unlock" />
              <input type="hidden" name="tenureId" value={h.id} />
              <p className="muted">Sign-in is locked after repeated wrong passwords for this account.</p>
              <button type="submit" className="button button--quiet">
                Unlock sign-in for {h.officerName}
              </button>
            </ValidatedForm>
          ) : null}
        </div>
      ))}
    </section>
  );
}
