/** An invite's text as a calendar shows it (folded lines joined, escapes undone), for the guard. */
export function inviteText(ics: string): string {
  return ics
    .replace(/\r?\n[ \t]/g, "")
    .replace(/\\([,;\\])/g, "$1")
    .replace(/\\n/gi, "\n");
}
