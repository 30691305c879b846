import type { Conn, Db } from "#db/client";
import type { tenures } from "#db/schema";
import { renderBriefPdf, type BriefDocument } from "#templates/pdf/brief";
import { welcomeEmail } from "#templates/email/welcome";
import { formatDateTime } from "~/lib/dates";
import { successorRole } from "~/lib/permissions";
import { getCollective } from "~/models/collective.server";
import { nextMeeting } from "~/models/meeting.server";
import { enqueueMail } from "~/models/outbox.server";
import { briefFields, buildBrief } from "./brief.server";
import { guardDocument } from "./identity.server";
import { inviteFor } from "./meeting-mail.server";
import { addDays, formatDate } from "~/lib/dates";
import { audit } from "~/models/audit.server";
import { currentTenure, endTenure, startTenure } from "~/models/department.server";
import { createPasswordToken } from "~/models/password-token.server";
import { endSessionsOf } from "~/models/session.server";
import { createAccount, findUserByEmail, userRole } from "~/models/user.server";
import { setPasswordUrl } from "./password.server";

export type TransferInput = {
  effectiveOn: string;
  officerName: string;
  designation: string;
  email: string;
  phone: string | null;
};

export type TransferResult =
  | {
      ok: true;
      successor: typeof tenures.$inferSelect;
      userId: number;
      token: string;
      expiresAt: string;
      endedTenureId: number | null;
    }
  | { ok: false; field: keyof TransferInput; message: string };

/**
 * A seat changes hands: the current tenure ends the day before the successor's begins, the
 * successor gets an account and a single-use link to set a password. Everything the department
 * owns stays with it. One transaction: all of it happens, or none of it.
 */
export function recordTransfer(
  db: Db,
  seat: { collectiveId: number; departmentId: number; byUserId: number },
  input: TransferInput,
  now = new Date(),
  /** Runs inside the same transaction once the transfer is recorded (the welcome email). */
  onRecorded?: (tx: Conn, result: Extract<TransferResult, { ok: true }>) => void,
): TransferResult {
  return db.transaction((tx) => writeTransfer(tx, seat, input, now, onRecorded));
}

function writeTransfer(
  tx: Conn,
  { collectiveId, departmentId, byUserId }: { collectiveId: number; departmentId: number; byUserId: number },
  input: TransferInput,
  now: Date,
  onRecorded?: (tx: Conn, result: Extract<TransferResult, { ok: true }>) => void,
): TransferResult {
  {
    const current = currentTenure(tx, departmentId);
    if (current && input.effectiveOn <= current.startsOn) {
      return {
        ok: false,
        field: "effectiveOn",
        message: `The transfer must take effect after ${current.officerName}'s tenure began on ${formatDate(current.startsOn)}.`,
      };
    }
    if (findUserByEmail(tx, input.email)) {
      return {
        ok: false,
        field: "email",
        message: "This email already belongs to an account. Use the successor's own official email.",
      };
    }
    const endsOn = addDays(input.effectiveOn, -1);
    let role: "representative" | "secretariat" = "representative";
    if (current) {
      endTenure(tx, current.id, endsOn);
      if (current.userId) {
        role = successorRole(userRole(tx, current.userId));
        // A transfer ends the old holder's open sessions; until the tenure's last day they may sign in again.
        endSessionsOf(tx, current.userId);
      }
    }
    const user = createAccount(tx, { collectiveId, email: input.email, name: input.officerName, role });
    const successor = startTenure(tx, {
      departmentId,
      userId: user.id,
      officerName: input.officerName,
      designation: input.designation,
      email: input.email.trim().toLowerCase(),
      phone: input.phone,
      startsOn: input.effectiveOn,
    });
    const { raw, expiresAt } = createPasswordToken(tx, user.id, now);
    audit(tx, {
      collectiveId,
      userId: byUserId,
      action: "transfer",
      entity: "department",
      entityId: departmentId,
      detail: `tenure ${current?.id ?? "none"} -> tenure ${successor.id}`,
    });
    const result = {
      ok: true as const,
      successor,
      userId: user.id,
      token: raw,
      expiresAt,
      endedTenureId: current?.id ?? null,
    };
    onRecorded?.(tx, result);
    return result;
  }
}

/** Carries a result out of a transaction that must not commit. */
class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super("rolled back");
  }
}

/**
 * The onboarding brief as it will read once the transfer is written (the new holder in the seat,
 * the predecessor's tenure closed): the transfer is written in a transaction that is then rolled
 * back, so the PDF can be rendered before the real one opens.
 */
function briefAfterTransfer(
  db: Db,
  ctx: { collectiveId: number; departmentId: number; byUserId: number; today: string },
  input: TransferInput,
): TransferResult | BriefDocument {
  try {
    db.transaction((tx) => {
      const result = writeTransfer(tx, ctx, input, new Date());
      throw new RolledBack(
        result.ok ? buildBrief(tx, ctx.collectiveId, ctx.departmentId, { on: input.effectiveOn }) : result,
      );
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as TransferResult | BriefDocument;
    throw error;
  }
  throw new Error("unreachable");
}

/**
 * Records a transfer and, in the same transaction, queues the successor's one welcome email:
 * the password link, the onboarding brief as a PDF, and the next meeting's invitation.
 */
export async function transferWithWelcome(
  db: Db,
  ctx: { collectiveId: number; departmentId: number; byUserId: number; today: string },
  input: TransferInput,
): Promise<TransferResult> {
  const brief = briefAfterTransfer(db, ctx, input);
  if ("ok" in brief) return brief;
  guardDocument(db, ctx.collectiveId, "the welcome email", briefFields(brief));
  const pdf = await renderBriefPdf(brief);
  const collective = getCollective(db, ctx.collectiveId);
  const next = nextMeeting(db, ctx.collectiveId);
  return recordTransfer(db, ctx, input, new Date(), (tx, result) => {
    // The PDF was rendered from the brief as it would read; whatever changed since, the brief as it
    // does read must pass the guard too, or nothing is written.
    guardDocument(
      tx,
      ctx.collectiveId,
      "the welcome email",
      briefFields(buildBrief(tx, ctx.collectiveId, ctx.departmentId, { on: input.effectiveOn })),
    );
    const email = welcomeEmail({
      collectiveName: collective.name,
      officerName: input.officerName,
      departmentName: brief.department.name,
      startsOn: formatDate(input.effectiveOn),
      setPasswordUrl: setPasswordUrl(result.token),
      expiresOn: formatDate(result.expiresAt.slice(0, 10)),
      nextMeeting: next ? `Meeting ${next.number}, ${formatDateTime(next.startsAt, collective.timeZone)}` : null,
    });
    enqueueMail(tx, {
      collectiveId: ctx.collectiveId,
      idempotencyKey: `welcome:tenure:${result.successor.id}`,
      batch: `welcome:${result.successor.id}`,
      to: result.successor.email,
      recipientName: input.officerName,
      ...email,
      attachments: [{ filename: "onboarding-brief.pdf", contentType: "application/pdf", content: pdf }],
      ...(next ? { icalEvent: { method: "REQUEST" as const, content: inviteFor(tx, next) } } : {}),
    });
  });
}
