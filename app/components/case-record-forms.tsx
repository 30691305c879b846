import { ageBands, bailStatuses, caseEventKinds, caseOutcomes } from "#db/schema/enums";
import { eventKindLabels, label, outcomeLabels } from "~/lib/labels";
import type { VictimServices } from "~/lib/participation";
import { useMemo } from "react";
import { eventDateBounds, type EventDateRule } from "~/lib/date-rules";
import { accusedSchema, caseEventFormSchema, victimSchema } from "~/schemas/case";
import { CheckboxField, Field, SelectField, ValidatedForm, type FormFeedback } from "./form";
import { IdentityRecordForms, type RecordEntry } from "./identity-record-forms";

type Feedback = (FormFeedback & { intent?: string }) | undefined;
type Victim = VictimServices & { id: number; code: string; minor: boolean; ageBand: string; version: number };

const ageBandOptions = ageBands.map((b) => ({
  value: b,
  label:
    (
      {
        under_12: "Under 12",
        "12_15": "12–15",
        "16_17": "16–17",
        "18_25": "18–25",
        "26_35": "26–35",
        "36_plus": "36 and over",
      } as Record<string, string>
    )[b] ?? b,
}));
const yesNoNotYet = (v: boolean | null | undefined) => (v == null ? "" : v ? "yes" : "no");
const words = (s: string) => s.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

/** Feedback belongs to the form that was posted, and only to it. */
const mine = (feedback: Feedback, intent: string, victimId?: number) =>
  feedback?.intent === intent && (victimId === undefined || feedback.values?.victimId === String(victimId))
    ? feedback
    : undefined;

function VictimFields({ victim }: { victim?: Victim }) {
  return (
    <>
      <div className="form-row">
        <CheckboxField name="minor" label="Minor (under 18)" defaultChecked={victim?.minor} />
        <SelectField
          name="ageBand"
          label="Age band"
          options={ageBandOptions}
          defaultValue={victim?.ageBand ?? "18_25"}
        />
      </div>
      <div className="form-row">
        <Field
          name="legalAidAssignedOn"
          label="Legal-aid lawyer assigned on"
          type="date"
          defaultValue={victim?.legalAidAssignedOn}
        />
        <Field
          name="compensationAppliedOn"
          label="Compensation applied on"
          type="date"
          defaultValue={victim?.compensationAppliedOn}
        />
        <Field
          name="compensationReceivedOn"
          label="Compensation received on"
          type="date"
          defaultValue={victim?.compensationReceivedOn}
        />
      </div>
      <div className="form-row">
        <CheckboxField
          name="educationEnrolled"
          label="Enrolled in education"
          defaultChecked={victim?.educationEnrolled}
        />
        <CheckboxField name="livelihoodSupport" label="Livelihood support" defaultChecked={victim?.livelihoodSupport} />
        <CheckboxField name="inShelter" label="In a shelter" defaultChecked={victim?.inShelter} />
        <CheckboxField
          name="testifiedInProtectionRoom"
          label="Testified in a victim protection room"
          defaultChecked={victim?.testifiedInProtectionRoom}
        />
        <CheckboxField
          name="supportPersonAtTestimony"
          label="Support person present at her testimony"
          defaultChecked={victim?.supportPersonAtTestimony}
        />
      </div>
      <div className="form-row">
        <Field
          name="lastInformedOn"
          label="Last informed of case progress on"
          type="date"
          hint="The last day the police, prosecutor or support person told her how the case stands."
          defaultValue={victim?.lastInformedOn}
        />
        <SelectField
          name="heardAtBail"
          label="Heard at bail hearings"
          placeholder="No bail hearing yet"
          options={[
            { value: "yes", label: "Yes, heard" },
            { value: "no", label: "No, not heard" },
          ]}
          defaultValue={yesNoNotYet(victim?.heardAtBail)}
        />
        <SelectField
          name="escortedWhenSummoned"
          label="When summoned"
          hint="To a statement, a hearing or to testify."
          placeholder="Not summoned yet"
          options={[
            { value: "yes", label: "Escort or travel provided" },
            { value: "no", label: "No escort or travel provided" },
          ]}
          defaultValue={yesNoNotYet(victim?.escortedWhenSummoned)}
        />
      </div>
      <div className="form-row">
        <CheckboxField name="threatReported" label="Threat to her reported" defaultChecked={victim?.threatReported} />
        <CheckboxField
          name="threatActedOn"
          label="Threat acted on (protection given or action taken)"
          defaultChecked={victim?.threatActedOn}
        />
      </div>
    </>
  );
}

export function CaseRecordForms({
  victims,
  accused,
  records,
  eventRule,
  feedback,
}: {
  victims: Victim[];
  accused: { id: number; name: string }[];
  records: RecordEntry[];
  /** Today and the case's FIR year: the dates an event may have (lib/date-rules). */
  eventRule: EventDateRule;
  feedback: Feedback;
}) {
  const eventSchema = useMemo(() => caseEventFormSchema(eventRule), [eventRule]);
  const eventDates = eventDateBounds(eventRule);
  return (
    <div className="no-print">
      <section className="card" aria-labelledby="add-event">
        <h2 id="add-event">Add an event</h2>
        <ValidatedForm schema={eventSchema} method="post" feedback={mine(feedback, "add-event")}>
          <input type="hidden" name="intent" value="add-event" />
          <div className="form-row">
            <SelectField
              name="kind"
              label="Event"
              options={caseEventKinds.map((k) => ({ value: k, label: label(eventKindLabels, k) }))}
              defaultValue="hearing"
            />
            <Field
              name="occurredOn"
              label="Date"
              type="date"
              hint="Past, or planned ahead for a hearing or testimony."
              {...eventDates}
            />
            <Field
              name="nextDate"
              label="Next date"
              type="date"
              hint="The next hearing or step, if one is fixed."
              {...eventDates}
            />
          </div>
          <div className="form-row">
            <Field
              name="outcome"
              label="Outcome"
              hint="What happened, in a few words. No names. Empty for a planned event."
            />
            <SelectField
              name="verdict"
              label="Verdict"
              hint="For a judgment only: it becomes the case's outcome."
              placeholder="Not a judgment"
              options={caseOutcomes.map((o) => ({ value: o, label: label(outcomeLabels, o) }))}
            />
          </div>
          <Field
            name="note"
            label="Note (restricted)"
            multiline
            hint="Shown only to the secretariat and the administrator."
          />
          <button type="submit" className="button">
            Add event
          </button>
        </ValidatedForm>
      </section>

      <section className="card" aria-labelledby="victim-services">
        <h2 id="victim-services">Victims' services</h2>
        {victims.map((v) => (
          <details key={v.id} open={!!mine(feedback, "update-victim", v.id)}>
            <summary>Update services for {v.code}</summary>
            <ValidatedForm schema={victimSchema} method="post" feedback={mine(feedback, "update-victim", v.id)}>
              <input type="hidden" name="intent" value="update-victim" />
              <input type="hidden" name="victimId" value={v.id} />
              <input type="hidden" name="version" value={v.version} />
              <VictimFields victim={v} />
              <button type="submit" className="button">
                Save services for {v.code}
              </button>
            </ValidatedForm>
          </details>
        ))}
        <details open={!!mine(feedback, "add-victim")}>
          <summary>Add a victim</summary>
          <p className="muted">A pseudonym code is issued automatically. There is no field for a name, on purpose.</p>
          <ValidatedForm schema={victimSchema} method="post" feedback={mine(feedback, "add-victim")}>
            <input type="hidden" name="intent" value="add-victim" />
            <VictimFields />
            <button type="submit" className="button">
              Add victim
            </button>
          </ValidatedForm>
        </details>
      </section>

      <IdentityRecordForms victims={victims} accused={accused} records={records} feedback={feedback} />

      <section className="card restricted" aria-labelledby="add-accused">
        <h2 id="add-accused">
          Add an accused <span className="restricted-label">Restricted</span>
        </h2>
        <ValidatedForm schema={accusedSchema} method="post" feedback={mine(feedback, "add-accused")}>
          <input type="hidden" name="intent" value="add-accused" />
          <div className="form-row">
            <Field name="name" label="Accused's name" />
            <Field name="arrestedOn" label="Arrested on" type="date" />
            <SelectField
              name="bailStatus"
              label="Bail status"
              options={bailStatuses.map((b) => ({ value: b, label: words(b) }))}
              defaultValue="not_applied"
            />
          </div>
          <button type="submit" className="button">
            Add accused
          </button>
        </ValidatedForm>
      </section>
    </div>
  );
}
