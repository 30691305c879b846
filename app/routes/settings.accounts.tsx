import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { todayIn } from "~/lib/dates";
import { parseForm, readForm } from "~/lib/forms";
import { label, roleLabels } from "~/lib/labels";
import { audited } from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";
import { listAccounts, setAccountActive } from "~/models/user.server";
import { accountActiveSchema } from "~/schemas/account";
import { actsForSeat } from "~/lib/permissions";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Accounts · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:departments");
  const db = getDb();
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  return { accounts: listAccounts(db, user.collectiveId, today), me: user.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:departments");
  const form = parseForm(accountActiveSchema, await readForm(request));
  if (!form.ok) return data({ errors: form.errors, done: null }, { status: 400 });
  const { userId, intent } = form.data;
  if (userId === user.id) {
    return data(
      { errors: { form: "You cannot disable your own account: another administrator must do it." }, done: null },
      { status: 400 },
    );
  }
  const db = getDb();
  const account = listAccounts(db, user.collectiveId, todayIn(getCollective(db, user.collectiveId).timeZone)).find(
    (a) => a.id === userId,
  );
  const changed =
    !!account &&
    audited(
      db,
      (tx) => setAccountActive(tx, { collectiveId: user.collectiveId, userId, active: intent === "enable" }),
      (ok) =>
        ok
          ? { collectiveId: user.collectiveId, userId: user.id, action: intent, entity: "user", entityId: userId }
          : null,
    );
  if (!account || !changed) {
    return data(
      { errors: { form: "There is no such account in this collective. Reload the page." }, done: null },
      { status: 404 },
    );
  }
  return {
    errors: null,
    done: `${account.name}'s account is ${intent === "enable" ? "enabled: they can sign in again" : "disabled: they can no longer sign in"}.`,
  };
}

export default function Accounts() {
  const { accounts, me } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Accounts</h1>
      <p className="muted">
        A representative signs in only while they hold their department's seat: a transfer closes their sign-in.
        Secretariat, administrator and observer accounts stay open until you disable them here. Accounts are never
        deleted, so the record keeps its authors.
      </p>
      {feedback?.done ? (
        <div className="notice" role="status">
          {feedback.done}
        </div>
      ) : null}
      {feedback?.errors ? (
        <div className="form-error" role="alert">
          {feedback.errors.form ?? Object.values(feedback.errors)[0]}
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Seat held today</th>
              <th scope="col">Sign-in</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.email}</td>
                <td>{label(roleLabels, a.role)}</td>
                <td>
                  {a.seat ?? <span className="muted">{actsForSeat(a.role) ? "none: cannot sign in" : "none"}</span>}
                </td>
                <td className="account-sign-in">
                  {a.active ? "Open" : <strong>Disabled</strong>}
                  {a.id === me ? (
                    <span className="muted"> (you)</span>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="userId" value={a.id} />
                      <input type="hidden" name="intent" value={a.active ? "disable" : "enable"} />
                      <button
                        type="submit"
                        className={`button button--small ${a.active ? "button--danger" : "button--quiet"}`}
                        aria-label={`${a.active ? "Disable" : "Enable"}: ${a.name}`}
                      >
                        {a.active ? "Disable" : "Enable"}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
