import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DepartmentAdministration, type Holding } from "~/components/department-administration";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { type FieldErrors, type FormValues, readForm } from "~/lib/forms";
import { departmentKindLabels, label } from "~/lib/labels";
import { allows, can } from "~/lib/permissions";
import { idParam, invariantResponse } from "~/lib/params";
import {
  liveTenure,
  requireDepartment,
  seatOn,
  tenureHistory,
  updateDepartment,
  updateHolderContact,
} from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { reissuePasswordLink } from "~/models/password-token.server";
import { userEmail } from "~/models/user.server";
import {
  departmentEditSchema,
  holderContactSchema,
  holderGuardFields,
  newLinkSchema,
  unlockSchema,
} from "~/schemas/department";
import { refreshDraftAgendas } from "~/services/agenda.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { isSignInLocked, requireUserWithPermission, unlockSignIn } from "~/services/auth.server";
import { setPasswordUrl } from "~/services/password.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.department.name ?? "Department"} · TESTA Desk` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:departments");
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, idParam(params, "departmentId"));
  const history = tenureHistory(db, department.id);
  const seat = seatOn(history, todayIn(getCollective(db, user.collectiveId).timeZone));
  const canManage = can(user.role, "manage:departments");
  const holding = (t: (typeof history)[number]) => ({
    id: t.id,
    officerName: t.officerName,
    designation: t.designation,
    email: t.email,
    phone: t.phone,
    from: formatDate(t.startsOn),
    to: t.endsOn ? formatDate(t.endsOn) : null,
    hasAccount: t.userId !== null,
    // Only those who can unlock learn that an account is locked.
    signInLocked: canManage && t.userId !== null && isSignInLocked(userEmail(db, t.userId) ?? ""),
  });
  return {
    department: {
      id: department.id,
      name: department.name,
      kind: department.kind,
      kindLabel: label(departmentKindLabels, department.kind),
      active: department.active,
    },
    holder: seat.holder && holding(seat.holder),
    incoming: seat.incoming && holding(seat.incoming),
    tenures: history.map(holding),
    canManage,
    canReadBrief: allows(user, "read:brief:own", { departmentId: department.id }),
  };
}

/** The administrator's small corrections: the department itself, a holder's details, a new sign-in link. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:departments");
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, idParam(params, "departmentId"));
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const refuse = (errors: FieldErrors, values: FormValues) => data({ intent, errors, values }, { status: 400 });

  if (intent === "department") {
    const form = parseGuardedForm(db, user, departmentEditSchema, formData, "a department", {
      name: "the department's name",
    });
    if (!form.ok) return refuse(form.errors, form.values);
    const { intent: _, ...input } = form.data;
    const saved = updateDepartment(
      db,
      { collectiveId: user.collectiveId, departmentId: department.id, byUserId: user.id },
      input,
    );
    if (!saved.ok) return refuse({ [saved.field]: saved.message }, form.values);
    // A draft agenda's action review names departments.
    refreshDraftAgendas(db, user.collectiveId);
    return { intent, saved: "The department is saved." };
  }

  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const schema =
    intent === "contact"
      ? holderContactSchema
      : intent === "link"
        ? newLinkSchema
        : intent === "unlock"
          ? unlockSchema
          : null;
  if (!schema) return refuse({ form: "Unknown form." }, {});
  const form = parseGuardedForm(
    db,
    user,
    schema,
    formData,
    "a seat holder's details",
    intent === "contact" ? holderGuardFields("the holder") : {},
  );
  if (!form.ok) return refuse(form.errors, form.values);
  // Only the holder in the seat, or the one about to take it, can be corrected or sent a link.
  const tenure = liveTenure(db, { departmentId: department.id, tenureId: form.data.tenureId, today });
  invariantResponse(tenure, "Holder not found", { status: 404 });

  if (form.data.intent === "contact") {
    const { intent: _, tenureId: __, ...input } = form.data;
    const saved = updateHolderContact(db, { collectiveId: user.collectiveId, tenure, byUserId: user.id }, input);
    if (!saved.ok) return refuse({ [saved.field]: saved.message }, form.values);
    return { intent, saved: `${input.officerName}'s details are saved.` };
  }

  if (!tenure.userId) return refuse({ form: `${tenure.officerName} has no account to send a link for.` }, form.values);
  if (form.data.intent === "unlock") {
    unlockSignIn(userEmail(db, tenure.userId) ?? "", {
      collectiveId: user.collectiveId,
      userId: tenure.userId,
      byUserId: user.id,
    });
    return { intent, saved: `${tenure.officerName} can sign in again.` };
  }
  const link = reissuePasswordLink(db, { collectiveId: user.collectiveId, userId: tenure.userId, byUserId: user.id });
  return {
    intent,
    link: {
      officerName: tenure.officerName,
      url: setPasswordUrl(link.raw),
      expiresOn: formatDate(link.expiresAt.slice(0, 10)),
    },
  };
}

function HolderFacts({ holding, since }: { holding: Holding; since: string }) {
  return (
    <dl className="facts">
      <dt>Officer</dt>
      <dd>{holding.officerName}</dd>
      <dt>Designation</dt>
      <dd>{holding.designation}</dd>
      <dt>Email</dt>
      <dd>
        <a href={`mailto:${holding.email}`}>{holding.email}</a>
      </dd>
      {holding.phone ? (
        <>
          <dt>Phone</dt>
          <dd>{holding.phone}</dd>
        </>
      ) : null}
      <dt>{since}</dt>
      <dd>{holding.from}</dd>
    </dl>
  );
}

export default function Department() {
  const { department, holder, incoming, tenures, canManage, canReadBrief } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to="/departments">All departments</Link>
      </p>
      <div className="page-head">
        <h1>{department.name}</h1>
        <div className="actions">
          {canReadBrief ? (
            <Link className="button button--quiet" to={`/departments/${department.id}/brief`}>
              Onboarding brief
            </Link>
          ) : null}
          {canManage ? (
            <Link className="button" to={`/departments/${department.id}/transfer`}>
              Record a transfer
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        {department.kindLabel}
        {department.active ? "" : " · inactive"}
      </p>
      <section className="card" aria-labelledby="holder">
        <h2 id="holder">Current holder of the seat</h2>
        {holder ? (
          <HolderFacts holding={holder} since="Holding the seat since" />
        ) : (
          <p className="empty">
            The seat is vacant
            {incoming ? " until the transfer below takes effect" : ". Record a transfer to seat the new officer"}.
          </p>
        )}
        {incoming ? (
          <>
            <h3>Taking the seat on {incoming.from}</h3>
            <HolderFacts holding={incoming} since="Takes the seat on" />
          </>
        ) : null}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">Tenure history</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Every holder of this seat, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Officer</th>
                <th scope="col">Designation</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {tenures.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.officerName}</th>
                  <td>{t.designation}</td>
                  <td>{t.from}</td>
                  <td>{t.to ?? "Current"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {tenures.length === 0 ? <p className="empty">No one has held this seat yet.</p> : null}
      </section>
      {canManage ? (
        <DepartmentAdministration department={department} holder={holder} incoming={incoming} result={result} />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
