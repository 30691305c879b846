import type { DateBounds } from "~/lib/date-rules";
import { Field } from "./form";

/** The fields of the schedule and reschedule forms (see meetingScheduleSchema). */
export function MeetingScheduleFields({
  defaults,
  dateBounds,
}: {
  defaults: {
    date: string;
    startTime: string;
    durationMinutes: number;
    venue: string | null;
    onlineLink: string | null;
  };
  /** The days the schema allows, so the date picker offers only those. */
  dateBounds: DateBounds;
}) {
  return (
    <>
      <div className="form-row">
        <Field
          name="date"
          label="Date"
          type="date"
          min={dateBounds.min}
          max={dateBounds.max}
          defaultValue={defaults.date}
        />
        <Field name="startTime" label="Start time (IST)" type="time" defaultValue={defaults.startTime} />
        <Field
          name="durationMinutes"
          label="Duration (minutes)"
          type="number"
          min={30}
          max={480}
          defaultValue={defaults.durationMinutes}
        />
      </div>
      <Field name="venue" label="Venue" hint="Leave empty for an online-only meeting." defaultValue={defaults.venue} />
      <Field
        name="onlineLink"
        label="Online-meeting link"
        type="url"
        hint="Starts with https://. Leave empty for an in-person meeting."
        defaultValue={defaults.onlineLink}
      />
    </>
  );
}
