import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { RecordAttribute } from "#db/schema/enums";
import { formatDate } from "~/lib/dates";
import { recordAttributeLabels } from "~/lib/labels";
import { accusedIdentitySchema, victimIdentitySchema } from "~/schemas/identity";
import { Field, ValidatedForm, type FormFeedback } from "./form";

type Feedback = (FormFeedback & { intent?: string }) | undefined;
export type RecordEntry = {
  id: number;
  subjectKind: "victim" | "accused";
  subjectId: number;
  attribute: RecordAttribute;
  createdAt: string;
  addedBy: string | null;
};

const labels = recordAttributeLabels;

/** Feedback for the form of this person only. */
const forPerson = (feedback: Feedback, intent: string, field: string, id: number) =>
  feedback?.intent === intent && feedback.values?.[field] === String(id) ? feedback : undefined;

/** What a record holds, by kind and date ("Phone number 2"): the values were never kept. Each can be removed. */
function RecordList({ entries, owner }: { entries: RecordEntry[]; owner: string }) {
  if (!entries.length) return <p className="muted">Nothing is recorded for {owner} yet.</p>;
  const seen = new Map<RecordAttribute, number>();
  const total = (a: RecordAttribute) => entries.filter((e) => e.attribute === a).length;
  return (
    <ul className="compact" aria-label={`Identity record of ${owner}`}>
      {entries.map((e) => {
        const n = (seen.get(e.attribute) ?? 0) + 1;
        seen.set(e.attribute, n);
        const name = total(e.attribute) > 1 ? `${labels[e.attribute]} ${n}` : labels[e.attribute];
        const added = formatDate(e.createdAt.slice(0, 10));
        return (
          <li key={e.id}>
            {name}{" "}
            <span className="muted">
              · added {added}
              {e.addedBy ? ` by ${e.addedBy}` : ""}
            </span>{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="remove-identity-entry" />
              <input type="hidden" name="entryId" value={e.id} />
              <button
                type="submit"
                className="button button--small button--quiet"
                aria-label={`Remove ${name.toLowerCase()} (added ${added}) from the record of ${owner}`}
              >
                Remove
              </button>
            </Form>
          </li>
        );
      })}
    </ul>
  );
}

/** The form that adds to one person's record; what it posts is fingerprinted and discarded. */
function AddToRecord({
  schema,
  intent,
  person,
  feedback,
  children,
}: {
  schema: z.ZodType;
  intent: string;
  person: [string, number];
  feedback: Feedback;
  children: ReactNode;
}) {
  return (
    <ValidatedForm
      schema={schema}
      method="post"
      feedback={feedback}
      autoComplete="off"
      // Once posted, what was typed leaves the screen too (the page does not reload with JavaScript).
      // Remix has read the form by the time the timer runs.
      onSubmit={(event) => {
        const form = event.currentTarget;
        if (!event.defaultPrevented) setTimeout(() => form.reset(), 0);
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={person[0]} value={person[1]} />
      {children}
      <button type="submit" className="button">
        Fingerprint and discard
      </button>
    </ValidatedForm>
  );
}

export function IdentityRecordForms({
  victims,
  accused,
  records,
  feedback,
}: {
  victims: { id: number; code: string }[];
  accused: { id: number; name: string }[];
  records: RecordEntry[];
  feedback: Feedback;
}) {
  const of = (kind: RecordEntry["subjectKind"], id: number) =>
    records.filter((r) => r.subjectKind === kind && r.subjectId === id);
  return (
    <section className="card restricted" aria-labelledby="identity">
      <h2 id="identity">
        Identity records <span className="restricted-label">Never stored as text</span>
      </h2>
      <p className="muted">
        What you type here is turned into keyed fingerprints and then discarded: it is never saved, logged or shown
        again. The fingerprints stop it leaving the app in any email, PDF, invite or page, however it is written (in
        either order, with initials, in Devanagari), and let TESTA Desk notice the same person in another case. You can
        add to a record at any time.
      </p>
      {feedback?.intent === "remove-identity-entry" && feedback.errors?.form ? (
        <div className="form-error" role="alert">
          {feedback.errors.form}
        </div>
      ) : null}
      {victims.map((v) => {
        const mine = forPerson(feedback, "victim-identity", "victimId", v.id);
        return (
          <details key={v.id} open={!!mine}>
            <summary>Identity record of {v.code}</summary>
            <RecordList entries={of("victim", v.id)} owner={v.code} />
            <h3>Add to the record of {v.code}</h3>
            <AddToRecord
              schema={victimIdentitySchema}
              intent="victim-identity"
              person={["victimId", v.id]}
              feedback={mine}
            >
              <div className="form-row">
                <Field
                  name="name"
                  label={`Name of ${v.code}`}
                  hint="Given name first, surname last, as in “Sunita Ramesh Jagtap”."
                  autoComplete="off"
                />
                <Field
                  name="otherNames"
                  label="Other names she is known by"
                  hint="One a line."
                  multiline
                  autoComplete="off"
                />
              </div>
              <div className="form-row">
                <Field name="fatherName" label="Father's name" autoComplete="off" />
                <Field name="motherName" label="Mother's name" autoComplete="off" />
                <Field name="husbandName" label="Husband's name" autoComplete="off" />
              </div>
              <div className="form-row">
                <Field name="village" label="Village or locality" autoComplete="off" />
                <Field name="school" label="School" autoComplete="off" />
                <Field name="phones" label="Phone numbers" hint="One a line." multiline autoComplete="off" />
              </div>
              <div className="form-row">
                <Field
                  name="words"
                  label="Words protected alone"
                  hint="A distinctive alias or surname that identifies her by itself. Not a common surname such as Patil."
                  autoComplete="off"
                />
                <Field
                  name="birthYear"
                  label="Approximate birth year"
                  type="number"
                  inputMode="numeric"
                  hint="With her name, for matching across cases."
                />
                <Field
                  name="nativeDistrict"
                  label="Native district"
                  hint="With her name, for matching across cases."
                  autoComplete="off"
                />
              </div>
            </AddToRecord>
          </details>
        );
      })}
      {accused.map((a) => {
        const mine = forPerson(feedback, "accused-identity", "accusedId", a.id);
        return (
          <details key={a.id} open={!!mine}>
            <summary>Identity record of {a.name}</summary>
            <p className="muted">The name as entered on the case is protected already.</p>
            <RecordList entries={of("accused", a.id)} owner={a.name} />
            <h3>Add to the record of {a.name}</h3>
            <AddToRecord
              schema={accusedIdentitySchema}
              intent="accused-identity"
              person={["accusedId", a.id]}
              feedback={mine}
            >
              <div className="form-row">
                <Field name="aliases" label={`Aliases of ${a.name}`} hint="One a line." multiline autoComplete="off" />
                <Field
                  name="words"
                  label="Words protected alone"
                  hint="A distinctive alias or surname that identifies him by itself."
                  autoComplete="off"
                />
              </div>
              <div className="form-row">
                <Field
                  name="fatherName"
                  label={`Father's name of ${a.name}`}
                  hint="For matching across cases."
                  autoComplete="off"
                />
                <Field name="birthYear" label="Approximate birth year" type="number" inputMode="numeric" />
              </div>
            </AddToRecord>
          </details>
        );
      })}
    </section>
  );
}
