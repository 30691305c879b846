import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useCaptured } from "./offline-capture";
import { rewriteKey } from "~/lib/forms";
import { RewriteOffer } from "./form";

type Row = {
  departmentId: number;
  departmentName: string;
  status: string;
  attendeeName: string;
  attendeeDesignation: string;
  isSubstitute: boolean;
  version: number;
};
type Feedback = { errors?: Record<string, string>; values?: Record<string, string | string[]>; savedAt?: string };

/** A text cell of the grid with its message and, when the guard refused it, the rewrite offer. */
function GridText({
  name,
  label,
  value,
  errors,
}: {
  name: string;
  label: string;
  value: string;
  errors?: Record<string, string>;
}) {
  const error = errors?.[name];
  const errorId = `${name.replace(".", "-")}-error`;
  return (
    <>
      <input
        type="text"
        name={name}
        defaultValue={value}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <div id={errorId} className="field-error">
          {error}
        </div>
      ) : null}
      <RewriteOffer name={name} rewrite={errors?.[rewriteKey(name)]} from={value} />
    </>
  );
}

/** One row per department; the default attendee is the seat holder on the meeting day. */
export function AttendanceGrid({
  rows,
  editable,
  feedback: posted,
}: {
  rows: Row[];
  editable: boolean;
  feedback?: Feedback;
}) {
  // With JavaScript the grid saves itself a moment after each change; the button works without it.
  const fetcher = useFetcher<Feedback>();
  const { captured, restored: restoredValues } = useCaptured("attendance");
  const own = fetcher.data && !("kept" in fetcher.data) ? fetcher.data : undefined;
  const restored: Feedback | undefined = restoredValues ? { values: restoredValues } : undefined;
  const feedback = own ?? (captured.held as Feedback | undefined) ?? restored ?? posted;
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const scheduleSave = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => formRef.current && fetcher.submit(formRef.current), 1200);
  };
  const kept = (name: string, fallback: string) => {
    const v = feedback?.values?.[name];
    return typeof v === "string" ? v : fallback;
  };
  return (
    <section className="card" aria-labelledby="attendance">
      <h2 id="attendance">Attendance</h2>
      {feedback?.errors?.form ? (
        <div className="form-error" role="alert">
          {feedback.errors.form}
        </div>
      ) : null}
      <fetcher.Form
        key={restored ? "restored" : "loaded"}
        method="post"
        ref={formRef}
        onChange={editable ? scheduleSave : undefined}
      >
        <input type="hidden" name="intent" value="attendance" />
        <fieldset disabled={!editable} className="bare">
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Attendance by department</caption>
              <thead>
                <tr>
                  <th scope="col">Department</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attended by</th>
                  <th scope="col">Designation</th>
                  <th scope="col">Substitute</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const d = r.departmentId;
                  return (
                    <tr key={d}>
                      <th scope="row">{r.departmentName}</th>
                      <td>
                        <input type="hidden" name={`version.${d}`} value={r.version} />
                        <select
                          name={`status.${d}`}
                          defaultValue={kept(`status.${d}`, r.status)}
                          aria-label={`Status: ${r.departmentName}`}
                        >
                          <option value="present">Present</option>
                          <option value="absent">Absent</option>
                          <option value="excused">Excused</option>
                        </select>
                      </td>
                      <td>
                        <GridText
                          name={`name.${d}`}
                          label={`Attended by: ${r.departmentName}`}
                          value={kept(`name.${d}`, r.attendeeName)}
                          errors={feedback?.errors}
                        />
                      </td>
                      <td>
                        <GridText
                          name={`designation.${d}`}
                          label={`Designation: ${r.departmentName}`}
                          value={kept(`designation.${d}`, r.attendeeDesignation)}
                          errors={feedback?.errors}
                        />
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          name={`substitute.${d}`}
                          defaultChecked={
                            feedback?.values ? feedback.values[`substitute.${d}`] === "on" : r.isSubstitute
                          }
                          aria-label={`Substitute for the seat holder: ${r.departmentName}`}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              Save attendance
            </button>
            <span role="status" className="save-state">
              {fetcher.state !== "idle"
                ? "Saving…"
                : captured.label || (feedback?.savedAt ? `Saved at ${feedback.savedAt}` : "")}
            </span>
          </div>
        </fieldset>
      </fetcher.Form>
    </section>
  );
}
