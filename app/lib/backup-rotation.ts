// Which of the server's daily backups to keep: the newest 7, and before those the newest of each
// of the 4 weeks (Monday to Sunday) before them. Pure: the folders' dates in, the ones to delete out.

export const keptDaily = 7;
export const keptWeekly = 4;

/** A daily backup's folder: `daily-2026-12-01`. */
export const dailyFolder = (day: string) => `daily-${day}`;
const dailyPattern = /^daily-(\d{4}-\d{2}-\d{2})$/;

export function dayOfFolder(name: string): string | null {
  return dailyPattern.exec(name)?.[1] ?? null;
}

/** The Monday that starts the week of an ISO date. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The daily folders to keep and to delete; folders of any other name are neither. */
export function rotateBackups(folders: readonly string[]): { keep: string[]; remove: string[] } {
  const days = [...new Set(folders.map(dayOfFolder).filter((d): d is string => d !== null))].sort().reverse();
  const keep = new Set(days.slice(0, keptDaily));
  const weeks = new Set<string>();
  for (const day of days.slice(keptDaily)) {
    const week = weekOf(day);
    if (weeks.has(week)) continue;
    if (weeks.size === keptWeekly) break;
    weeks.add(week);
    keep.add(day);
  }
  return {
    keep: days.filter((d) => keep.has(d)).map(dailyFolder),
    remove: days.filter((d) => !keep.has(d)).map(dailyFolder),
  };
}
