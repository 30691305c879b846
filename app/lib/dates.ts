// Calendar dates are ISO `YYYY-MM-DD` strings; instants are ISO UTC strings.
// Everything a person reads is written the Indian way (DD/MM/YYYY) in the collective's time zone.

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for a date that exists on the calendar: 2026-02-30 is false. */
export function isRealIsoDate(value: string): boolean {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Milliseconds at UTC midnight of an ISO date. Sliced rather than matched: agendas call this a lot. */
function utcMillis(iso: string): number {
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") throw new RangeError(`Not an ISO date: ${iso}`);
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
}

export function addDays(iso: string, days: number): string {
  return new Date(utcMillis(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMillis(to) - utcMillis(from)) / 86_400_000);
}

// Building an Intl formatter costs far more than using one: keep one per zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatterFor(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The calendar date of an instant as seen in a time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return formatterFor("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateInZone(now, timeZone);
}

/** 2026-12-12 → 12/12/2026 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = isoDatePattern.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as people in India write it: "Thu, 10/12/2026, 11:00 am IST". */
export function formatDateTime(instant: string | Date, timeZone: string): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  const date = formatDate(dateInZone(d, timeZone));
  const weekday = formatterFor("en-IN", { timeZone, weekday: "short" }).format(d);
  const time = formatterFor("en-IN", { timeZone, hour: "numeric", minute: "2-digit", hour12: true }).format(d).toLowerCase();
  const zone = timeZone === "Asia/Kolkata" ? "IST" : timeZone;
  return `${weekday}, ${date}, ${time} ${zone}`;
}

/** "in 6 days", "today", "3 days ago": for clocks and reasons. */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
