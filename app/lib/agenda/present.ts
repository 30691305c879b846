// How an agenda reads, shared by the meeting page, the PDF and the email so they always agree.
import { formatterFor } from "~/lib/dates";

export type PresentableItem = {
  id: number;
  kind: string;
  title: string;
  minutes: number;
  reasons: string;
  removed: boolean;
  forWrittenUpdate: boolean;
};

/**
 * How an item is named on every page and document: a case review by its case's code (never more
 * about the case); any other item by its title, followed by the code of the case it concerns.
 */
export function agendaItemTitle(item: { kind: string; title: string }, caseCode: string | null | undefined): string {
  if (!caseCode) return item.title;
  return item.kind === "case_review" ? `Case review: ${caseCode}` : `${item.title} (${caseCode})`;
}

/** "11:05 am", as the meeting's own time is written everywhere else. */
function clock(instant: Date, timeZone: string): string {
  return formatterFor("en-IN", { timeZone, hour: "numeric", minute: "2-digit", hour12: true })
    .format(instant)
    .toLowerCase();
}

export function parseReasons(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((r): r is string => typeof r === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Splits items into the timed agenda (with start times from the meeting's start), the written
 * updates and the removed ones. `overrun` is how far the timed agenda runs past the meeting's end.
 */
export function presentAgenda<T extends PresentableItem>(
  items: readonly T[],
  startsAt: string,
  durationMinutes: number,
  timeZone: string,
) {
  let offset = 0;
  const start = new Date(startsAt).getTime();
  const timed = items
    .filter((i) => !i.removed && !i.forWrittenUpdate)
    .map((item) => {
      const startTime = clock(new Date(start + offset * 60_000), timeZone);
      offset += item.minutes;
      return { ...item, startTime, reasonList: parseReasons(item.reasons) };
    });
  return {
    timed,
    writtenUpdates: items
      .filter((i) => !i.removed && i.forWrittenUpdate)
      .map((i) => ({ ...i, reasonList: parseReasons(i.reasons) })),
    removed: items.filter((i) => i.removed).map((i) => ({ ...i, reasonList: parseReasons(i.reasons) })),
    totalMinutes: offset,
    overrun: Math.max(0, offset - durationMinutes),
    endTime: clock(new Date(start + offset * 60_000), timeZone),
  };
}
