import type { Conn, Db } from "#db/client";
import { appointmentEmail } from "#templates/email/appointment";
import { formatDate } from "~/lib/dates";
import { collectiveAdministratorRole } from "~/lib/permissions";
import { typicalDepartment } from "~/lib/typical-departments";
import { audit } from "~/models/audit.server";
import {
  collectiveNamed,
  findDistrictCollective,
  getCollective,
  insertCollective,
  markDeactivated,
  type Collective,
} from "~/models/collective.server";
import { insertDepartment } from "~/models/department.server";
import { enqueueMail } from "~/models/outbox.server";
import { createPasswordToken } from "~/models/password-token.server";
import { endSessionsInCollective } from "~/models/session.server";
import { createAccount, findUserByEmail } from "~/models/user.server";
import type { NewCollective } from "~/schemas/new-collective";
import { setPasswordUrl } from "./password.server";

// The state administrator's work on collectives: create one with its first administrator, appoint
// another administrator, deactivate one. Each is one transaction with its audit entries: in the
// state's own chain (what the state did) and in the district's (how the collective came to be).

/** The state administrator acting: their account, and the state's row it belongs to. */
export type StateActor = { id: number; collectiveId: number };
export type Appointment = { name: string; email: string; link: string; expiresOn: string };
type Refusal<F extends string> = { ok: false; field: F; message: string };

const emailTaken: Refusal<"adminEmail"> = {
  ok: false,
  field: "adminEmail",
  message: "This email already belongs to an account. Use the administrator's own official email.",
};

function auditBoth(
  tx: Conn,
  by: StateActor,
  collectiveId: number,
  entry: { action: string; entity: string; entityId: number; detail?: string },
) {
  audit(tx, { collectiveId: by.collectiveId, userId: by.id, ...entry });
  audit(tx, { collectiveId, userId: by.id, ...entry });
}

/**
 * The administrator's account, with no password yet, and their welcome email through the outbox:
 * the single-use set-password link, as a successor's after a transfer.
 */
function appoint(
  tx: Conn,
  by: StateActor,
  collective: Collective,
  input: { adminName: string; adminEmail: string },
  now: Date,
): { ok: true; appointment: Appointment } | Refusal<"adminEmail"> {
  if (findUserByEmail(tx, input.adminEmail)) return emailTaken;
  const user = createAccount(tx, {
    collectiveId: collective.id,
    email: input.adminEmail,
    name: input.adminName,
    role: collectiveAdministratorRole,
  });
  const { raw, expiresAt } = createPasswordToken(tx, user.id, now);
  auditBoth(tx, by, collective.id, { action: "appoint:administrator", entity: "user", entityId: user.id });
  const link = setPasswordUrl(raw);
  const expiresOn = formatDate(expiresAt.slice(0, 10));
  enqueueMail(tx, {
    collectiveId: collective.id,
    idempotencyKey: `welcome:user:${user.id}`,
    batch: `welcome:user:${user.id}`,
    to: user.email,
    recipientName: input.adminName,
    ...appointmentEmail({
      collectiveName: collective.name,
      stateName: getCollective(tx, by.collectiveId).name,
      name: input.adminName,
      setPasswordUrl: link,
      expiresOn,
    }),
  });
  return { ok: true, appointment: { name: user.name, email: user.email, link, expiresOn } };
}

export type CreateResult =
  { ok: true; collective: Collective; appointment: Appointment } | Refusal<"district" | "districtCode" | "adminEmail">;

/** A new district collective in the state: its meeting rule, its starting departments (no holders yet), its administrator. */
export function createCollective(db: Db, by: StateActor, input: NewCollective, now = new Date()): CreateResult {
  return db.transaction((tx) => {
    const taken = collectiveNamed(tx, input);
    if (taken.byCode)
      return {
        ok: false as const,
        field: "districtCode" as const,
        message: `The code ${input.districtCode} is already used by ${taken.byCode.name}. Case codes must say which district they are from: choose another.`,
      };
    if (taken.byName)
      return {
        ok: false as const,
        field: "district" as const,
        message: `${taken.byName.name} already has a collective.`,
      };
    if (findUserByEmail(tx, input.adminEmail)) return emailTaken;
    const { adminName, adminEmail, departments, ...rule } = input;
    const collective = insertCollective(tx, {
      ...rule,
      kind: "district",
      name: input.district,
      state: getCollective(tx, by.collectiveId).state,
    });
    auditBoth(tx, by, collective.id, {
      action: "create",
      entity: "collective",
      entityId: collective.id,
      detail: `departments: ${departments.join(", ")}`,
    });
    for (const kind of departments)
      insertDepartment(tx, { collectiveId: collective.id, byUserId: by.id }, typicalDepartment(kind));
    const appointed = appoint(tx, by, collective, { adminName, adminEmail }, now);
    // The email was checked above, in this transaction.
    if (!appointed.ok) throw new Error(appointed.message);
    return { ok: true as const, collective, appointment: appointed.appointment };
  });
}

/** Another administrator for a district collective (the first one left, or never signed up). */
export function appointAdministrator(
  db: Db,
  by: StateActor,
  collective: Collective,
  input: { adminName: string; adminEmail: string },
  now = new Date(),
) {
  return db.transaction((tx) => appoint(tx, by, collective, input, now));
}

/**
 * Deactivates a district collective. Nothing is deleted and its records stay readable to the
 * state; its accounts can no longer sign in, and their open sessions end now. False if it already was.
 */
export function deactivateCollective(db: Db, by: StateActor, collectiveId: number, now = new Date()): boolean {
  return db.transaction((tx) => {
    if (!findDistrictCollective(tx, collectiveId) || !markDeactivated(tx, collectiveId, now)) return false;
    const ended = endSessionsInCollective(tx, collectiveId);
    auditBoth(tx, by, collectiveId, {
      action: "deactivate",
      entity: "collective",
      entityId: collectiveId,
      detail: `${ended} session(s) ended`,
    });
    return true;
  });
}
