import { Field, SelectField } from "./form";

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const weeks = [
  { value: "1", label: "First" },
  { value: "2", label: "Second" },
  { value: "3", label: "Third" },
  { value: "4", label: "Fourth" },
  { value: "-1", label: "Last" },
];

export type MeetingRule = {
  meetingWeekOfMonth: number;
  meetingWeekday: number;
  meetingStartTime: string;
  meetingDurationMinutes: number;
};

/** The monthly meeting's rule (the second Thursday at 11:00, for two hours): the collective's settings and a new collective. */
export function MeetingRuleFields({ rule, zone }: { rule: MeetingRule; zone: string }) {
  return (
    <div className="form-row">
      <SelectField
        name="meetingWeekOfMonth"
        label="Week of the month"
        options={weeks}
        defaultValue={String(rule.meetingWeekOfMonth)}
      />
      <SelectField
        name="meetingWeekday"
        label="Weekday"
        options={weekdays.map((d, i) => ({ value: String(i + 1), label: d }))}
        defaultValue={String(rule.meetingWeekday)}
      />
      <Field name="meetingStartTime" label={`Start time (${zone})`} type="time" defaultValue={rule.meetingStartTime} />
      <Field
        name="meetingDurationMinutes"
        label="Duration (minutes)"
        type="number"
        defaultValue={rule.meetingDurationMinutes}
      />
    </div>
  );
}

/** The rule as a sentence: "Second Thursday of each month, 11:00 for 120 minutes". */
export function meetingRuleInWords(rule: MeetingRule): string {
  const week = weeks.find((w) => w.value === String(rule.meetingWeekOfMonth))?.label ?? "";
  return `${week} ${weekdays[rule.meetingWeekday - 1] ?? ""} of each month, ${rule.meetingStartTime} for ${rule.meetingDurationMinutes} minutes`;
}
