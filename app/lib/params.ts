// How a loader or an action reads a record's id from its URL, and refuses what it cannot serve.
// One rule for every route: an id is plain decimal digits, as the app writes it in its own links.
// Number() alone would also read "0x1", "1e3", "+1", " 1" or "1.0" as an id, so one record would
// answer to many addresses; anything else is a 404, never a 500.

/** Throws a Response (a 404 for a record the URL cannot name, a 400 for bad input) when the condition fails. */
export function invariantResponse(
  condition: unknown,
  message: string,
  { status }: { status: number },
): asserts condition {
  if (!condition) throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A positive whole number written as the app writes ids: digits only, no sign, no leading zero, within the safe range. */
export function parseId(value: string | null | undefined): number | null {
  if (value == null || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/** What each id in a route's URL names, for the 404 page ("Case not found"). */
const recordNames = {
  actionId: "Action item",
  caseId: "Case",
  collectiveId: "Collective",
  departmentId: "Department",
  meetingId: "Meeting",
  messageId: "Message",
} as const;
export type IdParam = keyof typeof recordNames;

/** The id in the URL parameter `name` (`params.caseId`), or a 404. */
export function idParam(params: Readonly<Record<string, string | undefined>>, name: IdParam): number {
  const id = parseId(params[name]);
  invariantResponse(id !== null, `${recordNames[name]} not found`, { status: 404 });
  return id;
}
