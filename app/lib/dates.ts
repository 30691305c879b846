// Calendar dates are ISO `YYYY-MM-DD` strings; instants are ISO UTC strings.
// Everything a person reads is written the Indian way (DD/MM/YYYY) in the collective's time zone.
import { intlLocale, translator, type Language } from "~/lib/i18n";

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for a date that exists on the calendar: 2026-02-30 is false. */
export function isRealIsoDate(value: string): boolean {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

// Day arithmetic is integer arithmetic on day numbers (days since 1970-01-01), converted to and from
// the proleptic Gregorian calendar with Howard Hinnant's civil-date algorithms. The agenda does this
// for every case, and going through Date objects and toISOString costs several times more.

const digit = (iso: string, i: number) => {
  const d = iso.charCodeAt(i) - 48;
  if (d < 0 || d > 9) throw new RangeError(`Not an ISO date: ${iso}`);
  return d;
};

/** Days since 1970-01-01 of an ISO date. Day and month overflow carry over, as in Date.UTC. */
export function dayNumber(iso: string): number {
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") throw new RangeError(`Not an ISO date: ${iso}`);
  let y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The ISO date of a day number. */
export function isoFromDayNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
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

/**
 * An instant as people in India write it: "Thu, 10/12/2026, 11:00 am IST"; in Marathi
 * "गुरु, 10/12/2026, सकाळ 11:00 भा.प्र.वे.", the weekday and the part of the day in the language.
 */
export function formatDateTime(instant: string | Date, timeZone: string, language: Language = "en-IN"): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  const date = formatDate(dateInZone(d, timeZone));
  const locale = intlLocale(language);
  const weekday = formatterFor(locale, { timeZone, weekday: "short" }).format(d);
  const time =
    language === "en-IN"
      ? formatterFor(locale, { timeZone, hour: "numeric", minute: "2-digit", hour12: true }).format(d).toLowerCase()
      : formatterFor(locale, { timeZone, hour: "numeric", minute: "2-digit", dayPeriod: "short" }).format(d);
  const zone = timeZone === "Asia/Kolkata" ? translator(language)("dates.ist") : timeZone;
  return `${weekday}, ${date}, ${time} ${zone}`;
}

/** A month written out, in the reader's language: "December 2026", "डिसेंबर 2026", "दिसंबर 2026". */
export function formatMonth(iso: string, language: Language = "en-IN"): string {
  return formatterFor(intlLocale(language), { timeZone: "UTC", month: "long", year: "numeric" }).format(
    new Date(`${iso.slice(0, 7)}-01T00:00:00Z`),
  );
}

/** "in 6 days", "today", "3 days ago": for clocks and reasons. */
export function relativeDays(days: number, language: Language = "en-IN"): string {
  const t = translator(language);
  if (days === 0) return t("dates.today");
  if (days === 1) return t("dates.tomorrow");
  if (days === -1) return t("dates.yesterday");
  return days > 0 ? t("dates.inDays", { count: days }) : t("dates.daysAgo", { count: -days });
}
