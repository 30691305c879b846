import { Link } from "@remix-run/react";
import { raiseMatterSchema } from "~/schemas/meeting";
import { Field, SelectField, ValidatedForm, type FormFeedback } from "./form";

export type RaiseMatterCard =
  { open: true; label: string; cases: { value: string; label: string }[] } | { open: false; reason: string };

/** What the page says after a matter was raised: where it went, with a way to see it there. */
export function RaisedNotice({ meeting }: { meeting: { id: number; number: number; date: string } }) {
  return (
    <div className="notice" role="status">
      <strong>Added to the agenda of Meeting {meeting.number}</strong> ({meeting.date}).{" "}
      <Link to={`/meetings/${meeting.id}`}>See the agenda</Link>
    </div>
  );
}

/**
 * A representative's card for raising a matter with the collective: it goes on the next meeting's
 * draft agenda, presented by their department. When no meeting can take it, the card says why.
 */
export function RaiseMatter({
  card,
  feedback,
  formKey,
}: {
  card: RaiseMatterCard;
  feedback?: FormFeedback;
  formKey: string;
}) {
  return (
    <section className="card" aria-labelledby="raise-matter">
      <h2 id="raise-matter">
        {card.open ? `Raise a matter for ${card.label}` : "Raise a matter for the next meeting"}
      </h2>
      {card.open ? (
        <>
          <p className="muted">
            Something your department wants the collective to take up. It goes on the draft agenda before “Any other
            business”, presented by your department, with the note that you raised it.
          </p>
          <ValidatedForm
            key={formKey}
            schema={raiseMatterSchema}
            method="post"
            feedback={feedback}
            aria-label="Raise a matter"
          >
            <Field
              name="title"
              label="Title"
              hint="What the collective should discuss, in a line (at most 150 characters). No names of victims."
            />
            <div className="form-row">
              <Field
                name="minutes"
                label="Minutes needed"
                type="number"
                min={5}
                max={30}
                defaultValue={10}
                inputMode="numeric"
              />
              <SelectField
                name="caseId"
                label="Case (optional)"
                placeholder="No particular case"
                options={card.cases}
              />
            </div>
            <button type="submit" className="button">
              Raise the matter
            </button>
          </ValidatedForm>
        </>
      ) : feedback?.errors?.form ? (
        // Just refused (the agenda was published meanwhile, say): the reason, and what was not added.
        <div className="form-error" role="alert">
          {feedback.errors.form}
          {typeof feedback.values?.title === "string" && feedback.values.title.trim()
            ? ` “${feedback.values.title.trim()}” was not added.`
            : ""}
        </div>
      ) : (
        <p className="muted">{card.reason}</p>
      )}
    </section>
  );
}
