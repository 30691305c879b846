// The life of a meeting's minutes: draft → circulated → confirmed → amended (and amended again).
// Only the draft is edited: from circulation on, every change is an amendment, moved by someone.
// A pure rule book: what may happen next, and why not when it may not.
import type { minutesStates } from "#db/schema/enums";

export type MinutesState = (typeof minutesStates)[number];
export type MinutesAction = "edit" | "circulate" | "confirm" | "amend";

export type MinutesFacts = { state: MinutesState; meetingHeld: boolean; hasContent: boolean };

const allowed: Record<MinutesState, MinutesAction[]> = {
  draft: ["edit", "circulate"],
  circulated: ["circulate", "confirm", "amend"],
  confirmed: ["amend"],
  amended: ["amend"],
};

const next: Record<MinutesAction, (s: MinutesState) => MinutesState> = {
  edit: (s) => s,
  circulate: () => "circulated",
  confirm: () => "confirmed",
  // Amended before confirmation, the minutes are still circulated, to be confirmed at the next meeting.
  amend: (s) => (s === "circulated" ? "circulated" : "amended"),
};

export type Transition = { ok: true; state: MinutesState } | { ok: false; message: string };

export function transition(facts: MinutesFacts, action: MinutesAction): Transition {
  if (!allowed[facts.state].includes(action)) {
    const why: Record<MinutesAction, string> = {
      edit: `These minutes are ${settledAs(facts.state)}. Record an amendment, with who moved it, to change them.`,
      circulate: "Confirmed minutes are not circulated again. Record an amendment instead.",
      confirm:
        facts.state === "draft"
          ? "Circulate the minutes before they can be confirmed."
          : "These minutes are already confirmed.",
      amend: "Only circulated or confirmed minutes are amended. Until then, edit the draft.",
    };
    return { ok: false, message: why[action] };
  }
  if (action === "circulate" && !facts.meetingHeld)
    return { ok: false, message: "Mark the meeting as held before circulating its minutes." };
  if (action === "circulate" && !facts.hasContent) {
    return {
      ok: false,
      message:
        "The minutes are empty: record attendance and at least one item's discussion or decision before circulating.",
    };
  }
  return { ok: true, state: next[action](facts.state) };
}

/** "circulated" or "confirmed": how a person is told why a change to these minutes must be an amendment. */
export function settledAs(state: MinutesState): "circulated" | "confirmed" {
  return state === "circulated" ? "circulated" : "confirmed";
}

/** Whether a change to these minutes must be an amendment (they have left the draft). */
export function needsAmendment(state: MinutesState): boolean {
  return !allowed[state].includes("edit");
}

/** "Circulated, version 2": how the minutes' PDF and page name the document shown. */
export function minutesStatusLine(doc: { minutesState: string; version: number | null }): string {
  return `${doc.minutesState.charAt(0).toUpperCase()}${doc.minutesState.slice(1)}${doc.version ? `, version ${doc.version}` : ""}`;
}
