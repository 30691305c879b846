import { describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import { dailyFolder, dayOfFolder, rotateBackups, weekOf } from "~/lib/backup-rotation";
import { must } from "../support/present";

// The server backs up once a day and rotates after each backup; the clock is the list of days.
function runFor(days: number, from = "2026-09-01") {
  let folders = ["pre-migration-2026-08-30T10-00-00-000Z", "by-hand"];
  for (let n = 0; n < days; n++) {
    folders.push(dailyFolder(addDays(from, n)));
    const { remove } = rotateBackups(folders);
    folders = folders.filter((f) => !remove.includes(f));
  }
  return folders;
}

describe("backup rotation", () => {
  it("keeps the last 7 daily copies and one copy from each of the 4 weeks before them", () => {
    const folders = runFor(90);
    const days = folders
      .map(dayOfFolder)
      .filter((d): d is string => d !== null)
      .sort()
      .reverse();
    const last = addDays("2026-09-01", 89);
    expect(days.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => addDays(last, -n)));
    const weekly = days.slice(7);
    expect(weekly).toHaveLength(4);
    // One per week, four consecutive weeks, each older than every daily copy.
    const weeks = weekly.map(weekOf);
    expect(new Set(weeks).size).toBe(4);
    weeks.slice(1).forEach((w, i) => expect(addDays(w, 7)).toBe(weeks[i]));
    expect(must(weekly[0]) < must(days[6])).toBe(true);
  });

  it("never touches a folder it did not name: the copies made before a migration, or by hand", () => {
    expect(runFor(40)).toEqual(expect.arrayContaining(["pre-migration-2026-08-30T10-00-00-000Z", "by-hand"]));
  });

  it("deletes nothing in the first week", () => {
    expect(runFor(7).filter(dayOfFolder)).toHaveLength(7);
    expect(rotateBackups([dailyFolder("2026-12-01")]).remove).toEqual([]);
  });

  it("counts weeks from Monday", () => {
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
    expect(weekOf("2026-12-06")).toBe("2026-11-30");
    expect(weekOf("2026-12-07")).toBe("2026-12-07");
  });
});
