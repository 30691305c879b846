/**
 * An invite's text as a calendar shows it (folded lines joined, escapes undone), for the guard.
 * The UID is left out: it is ours, not anyone's words, and the deployment's random UUID in it can
 * hold ten digits that read as a mobile number, which would hold every invite of that deployment.
 */
export function inviteText(ics: string): string {
  return ics
    .replace(/\r?\n[ \t]/g, "")
    .replace(/^UID:.*$/gm, "")
    .replace(/\\([,;\\])/g, "$1")
    .replace(/\\n/gi, "\n");
}
