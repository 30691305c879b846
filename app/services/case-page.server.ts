import type { z } from "zod";
import type { Db } from "#db/client";
import type { cases } from "#db/schema";
import { audited, type AuditEntry } from "~/models/audit.server";
import { addAccused, addCaseEvent, addVictim, updateVictim } from "~/models/case-record.server";
import { caseDetail } from "~/models/case.server";
import type { SessionUser } from "~/models/user.server";
import type { accusedSchema, caseEventFormSchema, matchDecisionSchema, victimSchema } from "~/schemas/case";
import type { accusedIdentitySchema, removeEntrySchema, victimIdentitySchema } from "~/schemas/identity";
import { decideMatch, recordIdentity } from "./identity.server";
import { addToIdentityRecord, removeFromIdentityRecord } from "./identity-record.server";

// What the forms on a case's page change: an event, a victim (added or updated), an accused, an
// identity record (added to or trimmed), a match decided. Each change is one function with its own
// precondition and its audit entry in the change's transaction; the route parses and responds.

/** One change, as its form's schema reads it. */
export type CaseRecordChange =
  | z.output<ReturnType<typeof caseEventFormSchema>>
  | z.output<typeof victimSchema>
  | z.output<typeof accusedSchema>
  | z.output<typeof victimIdentitySchema>
  | z.output<typeof accusedIdentitySchema>
  | z.output<typeof removeEntrySchema>
  | z.output<typeof matchDecisionSchema>;

/**
 * Why a change was not made, said on its form. `keepInput` is false where the form starts empty
 * again: identity attributes are never sent back, and the hidden fields of a match or an entry say nothing.
 */
export type CaseRecordRefusal = { status: 400 | 404 | 409; errors: Record<string, string>; keepInput: boolean };

type CaseRow = typeof cases.$inferSelect;
type Context = { db: Db; user: SessionUser; kase: CaseRow; today: string; entry: Omit<AuditEntry, "action"> };
type Change<I extends CaseRecordChange["intent"]> = Extract<CaseRecordChange, { intent: I }>;

const notOnCase = (what: string): CaseRecordRefusal => ({
  status: 404,
  errors: { form: `${what} is not recorded on this case.` },
  keepInput: false,
});

/** Makes one change to a case's record; null when it was made. */
export function changeCaseRecord(
  db: Db,
  user: SessionUser,
  kase: CaseRow,
  change: CaseRecordChange,
  today: string,
): CaseRecordRefusal | null {
  const entry = { collectiveId: user.collectiveId, userId: user.id, entity: "case", entityId: kase.id };
  const ctx: Context = { db, user, kase, today, entry };
  switch (change.intent) {
    case "add-event":
      return addEvent(ctx, change);
    case "add-victim":
    case "update-victim":
      return saveVictim(ctx, change);
    case "add-accused":
      return addAccusedPerson(ctx, change);
    case "victim-identity":
      return addVictimIdentity(ctx, change);
    case "accused-identity":
      return addAccusedIdentity(ctx, change);
    case "remove-identity-entry":
      return removeFromIdentityRecord(db, { collectiveId: user.collectiveId, caseId: kase.id }, user.id, change.entryId)
        ? null
        : { status: 404, errors: { form: "That fingerprint is not on this case's records." }, keepInput: false };
    case "decide-match":
      return decideCaseMatch(ctx, change);
  }
}

function addEvent({ db, user, kase, today, entry }: Context, event: Change<"add-event">): null {
  audited(
    db,
    (tx) => addCaseEvent(tx, kase, user.id, event, today),
    () => ({
      ...entry,
      action: "add:event",
      detail: event.verdict ? `${event.kind}, outcome ${event.verdict}` : event.kind,
    }),
  );
  return null;
}

/** A victim is told of progress on a day that has come: a date after today is refused. */
function saveVictim(
  { db, user, kase, today, entry }: Context,
  victim: Change<"add-victim" | "update-victim">,
): CaseRecordRefusal | null {
  if (victim.lastInformedOn && victim.lastInformedOn > today) {
    return {
      status: 400,
      errors: { lastInformedOn: "Last informed of case progress on cannot be after today." },
      keepInput: true,
    };
  }
  if (victim.intent === "add-victim") {
    audited(
      db,
      (tx) => addVictim(tx, user.collectiveId, kase.id, victim),
      () => ({ ...entry, action: "add:victim" }),
    );
    return null;
  }
  const { victimId } = victim;
  const saved = victimId
    ? audited(
        db,
        (tx) => updateVictim(tx, kase.id, victimId, victim),
        (r) => (r === "saved" ? { ...entry, action: "update:victim", detail: `victim ${victimId}` } : null),
      )
    : "missing";
  if (saved === "missing") return { ...notOnCase("That victim"), keepInput: true };
  if (saved === "conflict") {
    return {
      status: 409,
      errors: {
        form: "Someone else changed this victim's services while you were editing. Your entries are kept below; reload the page to see theirs, then save again.",
      },
      keepInput: true,
    };
  }
  return null;
}

/** An accused's name is fingerprinted as it is added, so a match with another case shows at once. */
function addAccusedPerson({ db, user, kase, entry }: Context, input: Change<"add-accused">): null {
  audited(
    db,
    (tx) => {
      const person = addAccused(tx, kase.id, input);
      recordIdentity(
        tx,
        { collectiveId: user.collectiveId, caseId: kase.id, subjectKind: "accused", subjectId: person.id },
        { name: person.name, birthYear: null, extra: null },
      );
    },
    () => ({ ...entry, action: "add:accused" }),
  );
  return null;
}

/** The attributes are fingerprinted and dropped there; they are not stored, logged or echoed back. */
function addVictimIdentity({ db, user, kase }: Context, input: Change<"victim-identity">): CaseRecordRefusal | null {
  const victim = caseDetail(db, kase.id).victims.find((v) => v.id === input.victimId);
  if (!victim) return notOnCase("That victim");
  addToIdentityRecord(
    db,
    { collectiveId: user.collectiveId, caseId: kase.id, subjectKind: "victim", subjectId: victim.id },
    user.id,
    input.entries,
    input.crossCase,
  );
  return null;
}

function addAccusedIdentity({ db, user, kase }: Context, input: Change<"accused-identity">): CaseRecordRefusal | null {
  const { accusedId, fatherName, birthYear } = input;
  const person = caseDetail(db, kase.id).accused.find((a) => a.id === accusedId);
  if (!person) return notOnCase("That accused");
  const crossCase = fatherName || birthYear ? { name: person.name, birthYear, extra: fatherName } : null;
  addToIdentityRecord(
    db,
    { collectiveId: user.collectiveId, caseId: kase.id, subjectKind: "accused", subjectId: person.id },
    user.id,
    input.entries,
    crossCase,
  );
  return null;
}

function decideCaseMatch({ db, user, kase, entry }: Context, input: Change<"decide-match">): CaseRecordRefusal | null {
  const { matchId, decision } = input;
  const decided = audited(
    db,
    (tx) => decideMatch(tx, user.collectiveId, matchId, kase.id, decision, user.id),
    (ok) => (ok ? { ...entry, action: `match:${decision}`, detail: `match ${matchId}` } : null),
  );
  return decided ? null : { status: 404, errors: { form: "That match is not on this case." }, keepInput: false };
}
