import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { addDays, formatDate, isRealIsoDate, todayIn } from "~/lib/dates";
import { firstValue, readForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { currentTenure, requireDepartment } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { holderGuardFields, transferSchema } from "~/schemas/department";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { refusalMessage } from "~/services/refusals.server";
import { wakeMailSender } from "~/services/mail.server";
import { transferWithWelcome } from "~/services/transfer.server";
import { setPasswordUrl } from "~/services/password.server";

export const meta: MetaFunction = () => [{ title: "Record a transfer · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:departments");
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, idParam(params, "departmentId"));
  const current = currentTenure(db, department.id);
  return {
    department: { id: department.id, name: department.name },
    current: current
      ? { officerName: current.officerName, designation: current.designation, since: formatDate(current.startsOn) }
      : null,
    today: todayIn(getCollective(db, user.collectiveId).timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:departments");
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, idParam(params, "departmentId"));
  const form = parseGuardedForm(
    db,
    user,
    transferSchema,
    await readForm(request),
    "a transfer",
    holderGuardFields("the new holder"),
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  let result;
  try {
    result = await transferWithWelcome(
      db,
      { collectiveId: user.collectiveId, departmentId: department.id, byUserId: user.id, today },
      form.data,
    );
  } catch (error) {
    const message = refusalMessage(db, user, error);
    if (!message) throw error;
    return data({ errors: { form: message }, values: form.values }, { status: 409 });
  }
  if (!result.ok) return data({ errors: { [result.field]: result.message }, values: form.values }, { status: 400 });
  wakeMailSender();
  return {
    done: {
      officerName: result.successor.officerName,
      email: result.successor.email,
      startsOn: formatDate(result.successor.startsOn),
      link: setPasswordUrl(result.token),
      expiresOn: formatDate(result.expiresAt.slice(0, 10)),
    },
  };
}

export default function Transfer() {
  const { department } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  if (feedback && "done" in feedback) {
    const d = feedback.done;
    return (
      <div className="page page--narrow">
        <h1>Transfer recorded</h1>
        <div className="notice" role="status">
          {d.officerName} holds the seat of {department.name} from {d.startsOn}. The department's action items, cases
          and history stay with the department.
        </div>
        <section className="card" aria-labelledby="link">
          <h2 id="link">Sign-in link for {d.officerName}</h2>
          <p>
            A welcome email with this link, the onboarding brief and the next meeting's invitation has been sent to{" "}
            {d.email}. If it does not arrive, give them the link yourself: it sets their password, works once, and
            expires on {d.expiresOn}. It is not shown again.
          </p>
          <p>
            <code className="link-box">{d.link}</code>
          </p>
        </section>
        <p>
          <Link to={`/departments/${department.id}`}>Back to {department.name}</Link>
        </p>
      </div>
    );
  }
  return <TransferForm key={department.id} />;
}

function TransferForm() {
  const { department, current, today } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const feedbackForm = feedback && "errors" in feedback ? feedback : undefined;
  // The confirmation names the actual last day, and follows the date as it is changed.
  const [effectiveOn, setEffectiveOn] = useState(firstValue(feedbackForm?.values, "effectiveOn") ?? today);
  const lastDay = isRealIsoDate(effectiveOn) ? formatDate(addDays(effectiveOn, -1)) : null;
  return (
    <div className="page page--narrow">
      <h1>Record a transfer: {department.name}</h1>
      <p>
        {current
          ? `${current.officerName} (${current.designation}) has held the seat since ${current.since}. `
          : "The seat is vacant: this seats its first holder. "}
        The successor takes the seat on the date below, gets an account and a single-use sign-in link, and inherits the
        department's open work. Nothing is re-assigned by hand.
      </p>
      <div className="card">
        <ValidatedForm
          schema={transferSchema}
          method="post"
          feedback={feedbackForm}
          onChange={(event) => {
            const input = event.target as HTMLInputElement;
            if (input.name === "effectiveOn") setEffectiveOn(input.value);
          }}
        >
          <Field
            name="effectiveOn"
            label="Takes effect on"
            type="date"
            defaultValue={today}
            hint="The successor's first day in the seat."
          />
          <Field name="officerName" label="Successor's name" autoComplete="off" />
          <Field name="designation" label="Designation" />
          <Field name="email" label="Official email" type="email" autoComplete="off" />
          <Field name="phone" label="Phone (optional)" type="tel" />
          {current ? (
            <p className="form-error" aria-live="polite">
              This ends {current.officerName}'s tenure on {lastDay ?? "the day before the transfer takes effect"}, and
              their sign-in stops working after that day. It cannot be undone from this page.
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button--danger">
              Record transfer
            </button>
            <Link to={`/departments/${department.id}`}>Cancel</Link>
          </div>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
