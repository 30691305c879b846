import { caseOutcomes, caseStages, caseStatuses } from "#db/schema/enums";
import { label, outcomeLabels, stageLabels } from "~/lib/labels";
import { caseSchema } from "~/schemas/case";
import { Field, SelectField, useFieldError, ValidatedForm, type FormFeedback } from "./form";

export type CaseFormDefaults = {
  policeStation?: string;
  firNumber?: string | null;
  firYear?: number | null;
  courtName?: string | null;
  courtCaseNumber?: string | null;
  sections?: string;
  stage?: string;
  status?: string;
  outcome?: string | null;
  openedOn?: string;
  closedOn?: string | null;
  chargesheetLimitDays?: number;
  version?: number;
  departments?: Record<number, string>;
};

const roleOptions = [
  { value: "lead", label: "Lead" },
  { value: "support", label: "Support" },
  { value: "informed", label: "Informed" },
];

function DepartmentRoles({
  departments,
  defaults,
}: {
  departments: { id: number; name: string }[];
  defaults: Record<number, string>;
}) {
  const error = useFieldError("departments");
  return (
    <fieldset aria-describedby={error ? "departments-error" : undefined}>
      <legend>Departments involved</legend>
      <p className="hint muted">
        Choose the role of each department in this case; leave “Not involved” for the others.
      </p>
      <div className="grid-2">
        {departments.map((d) => (
          <SelectField
            key={d.id}
            name={`dept-${d.id}`}
            label={d.name}
            placeholder="Not involved"
            options={roleOptions}
            defaultValue={defaults[d.id] ?? ""}
          />
        ))}
      </div>
      {error ? (
        <span id="departments-error" className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** Create and edit share one form and one schema; restricted fields are marked as such. */
export function CaseForm({
  defaults,
  departments,
  feedback,
  submitLabel,
}: {
  defaults: CaseFormDefaults;
  departments: { id: number; name: string }[];
  feedback?: FormFeedback;
  submitLabel: string;
}) {
  return (
    <ValidatedForm schema={caseSchema} method="post" feedback={feedback}>
      {defaults.version !== undefined ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <div className="grid-2">
        <Field name="policeStation" label="Police station" defaultValue={defaults.policeStation} />
        <Field
          name="sections"
          label="Sections"
          hint="For example: BNS 143, 144; ITPA 5"
          defaultValue={defaults.sections}
        />
      </div>
      <fieldset className="restricted">
        <legend>
          FIR <span className="restricted-label">Restricted</span>
        </legend>
        <p className="hint muted">Shown only to the secretariat and the administrator.</p>
        <div className="form-row">
          <Field name="firNumber" label="FIR number" defaultValue={defaults.firNumber} />
          <Field name="firYear" label="FIR year" type="number" inputMode="numeric" defaultValue={defaults.firYear} />
        </div>
      </fieldset>
      <div className="grid-2">
        <Field name="courtName" label="Court" defaultValue={defaults.courtName} />
        <Field name="courtCaseNumber" label="Court case number" defaultValue={defaults.courtCaseNumber} />
      </div>
      <div className="form-row">
        <SelectField
          name="stage"
          label="Stage"
          options={caseStages.map((s) => ({ value: s, label: label(stageLabels, s) }))}
          defaultValue={defaults.stage ?? "rescue"}
        />
        <SelectField
          name="status"
          label="Status"
          options={caseStatuses.map((s) => ({ value: s, label: s === "open" ? "Open" : "Closed" }))}
          defaultValue={defaults.status ?? "open"}
        />
        <SelectField
          name="outcome"
          label="Outcome"
          placeholder="None yet"
          options={caseOutcomes.map((o) => ({ value: o, label: label(outcomeLabels, o) }))}
          defaultValue={defaults.outcome ?? ""}
        />
        <SelectField
          name="chargesheetLimitDays"
          label="Chargesheet limit"
          options={[
            { value: "60", label: "60 days after arrest" },
            { value: "90", label: "90 days after arrest" },
          ]}
          defaultValue={String(defaults.chargesheetLimitDays ?? 60)}
        />
      </div>
      <div className="form-row">
        <Field name="openedOn" label="Opened on" type="date" defaultValue={defaults.openedOn} />
        <Field name="closedOn" label="Closed on" type="date" defaultValue={defaults.closedOn} />
      </div>
      <DepartmentRoles departments={departments} defaults={defaults.departments ?? {}} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </ValidatedForm>
  );
}
