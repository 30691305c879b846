import type { Role } from "#db/schema/enums";

// One table of who may do what. Loaders and actions ask for a permission, never for a role,
// so that a change of policy is a change here and nowhere else.
export const permissions = [
  "manage:collective",
  "manage:departments",
  /** Read, filter, export and verify the audit log. */
  "read:audit",
  "read:departments",
  "read:outbox",
  "read:case",
  "read:case:restricted",
  "write:case",
  "read:meeting",
  /** Minutes while still a draft (never circulated): members read circulated versions only. */
  "read:minutes:draft",
  "write:meeting",
  "read:reports",
  /** A department's representative puts a matter on the next meeting's draft agenda. */
  "raise:agenda-matter",
] as const;
export type Permission = (typeof permissions)[number];

// The secretariat sees the outbox (what went to whom, with its PDF and invite); set-password links
// inside welcome emails are shown to those who manage departments only.
const secretariat: Permission[] = [
  "read:outbox", "read:departments", "read:case", "read:case:restricted", "write:case", "read:meeting", "read:minutes:draft", "write:meeting", "read:reports",
];

export const grants: Record<Role, readonly Permission[]> = {
  admin: ["manage:collective", "manage:departments", "read:audit", ...secretariat],
  secretariat,
  // Representatives read only the cases their department is involved in, and never restricted fields.
  // They may also raise a matter for the next agenda, always for their own department. They read
  // minutes once circulated, never a draft.
  representative: ["read:departments", "read:case", "read:meeting", "read:reports", "raise:agenda-matter"],
  observer: ["read:reports"],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** Restricted fields (FIR number, accused names, event notes) are for these roles only. */
export function seesRestricted(role: Role): boolean {
  return can(role, "read:case:restricted");
}

/** Where a person lands after sign-in: the first page their role can use. */
/** Where each role starts: the meeting for the secretariat, the department's own work for a representative. */
export function homePathFor(role: Role): string {
  if (role === "observer") return "/reports/outcomes";
  if (role === "representative") return "/actions";
  return "/meetings";
}

/**
 * Who may use each route: what its loader (GET) and its action (POST) ask for. A permission;
 * "signed-in" for any account; "public" for anyone (signing in, the welcome link); null where the
 * route has no loader or no action. Keyed by the file in app/routes. The authorisation-matrix test
 * (tests/integration/authorisation-matrix.test.ts) reads every route file and fails for one
 * missing here, then checks every role against this table.
 */
export type RouteAccess = Permission | "signed-in" | "public" | null;

export const routeAccess: Record<string, { get: RouteAccess; post: RouteAccess }> = {
  $: { get: "public", post: "public" },
  _index: { get: "signed-in", post: null },
  healthz: { get: "public", post: null },
  login: { get: "public", post: "public" },
  logout: { get: "public", post: "public" },
  "welcome.$token": { get: "public", post: "public" },
  "actions._index": { get: "read:meeting", post: "raise:agenda-matter" },
  "actions.$actionId": { get: "read:meeting", post: "read:meeting" },
  "actions.$actionId_.correct": { get: "write:meeting", post: "write:meeting" },
  "cases._index": { get: "read:case", post: null },
  "cases.new": { get: "write:case", post: "write:case" },
  "cases.$caseId": { get: "read:case", post: "write:case" },
  "cases.$caseId_.edit": { get: "write:case", post: "write:case" },
  "departments._index": { get: "read:departments", post: "manage:departments" },
  "departments.$departmentId": { get: "read:departments", post: "manage:departments" },
  "departments.$departmentId_.brief": { get: "read:departments", post: null },
  "departments.$departmentId.brief[.]pdf": { get: "read:departments", post: null },
  "departments.$departmentId_.transfer": { get: "manage:departments", post: "manage:departments" },
  "meetings._index": { get: "read:meeting", post: null },
  "meetings.new": { get: "write:meeting", post: "write:meeting" },
  "meetings.$meetingId": { get: "read:meeting", post: "write:meeting" },
  "meetings.$meetingId.agenda[.]pdf": { get: "read:meeting", post: null },
  "meetings.$meetingId.invite[.]ics": { get: "read:meeting", post: null },
  "meetings.$meetingId.minutes[.]pdf": { get: "read:meeting", post: null },
  "meetings.$meetingId_.minutes": { get: "read:meeting", post: "write:meeting" },
  "meetings.$meetingId_.publish": { get: "write:meeting", post: "write:meeting" },
  "meetings.$meetingId_.reschedule": { get: "write:meeting", post: "write:meeting" },
  "meetings.$meetingId_.cancel": { get: "write:meeting", post: "write:meeting" },
  "meetings.$meetingId_.run": { get: "write:meeting", post: "write:meeting" },
  "meetings.$meetingId_.sending": { get: "write:meeting", post: null },
  "outbox._index": { get: "read:outbox", post: null },
  "outbox.$messageId": { get: "read:outbox", post: "read:outbox" },
  "outbox.$messageId.attachments.$index": { get: "read:outbox", post: null },
  redaction: { get: "read:case:restricted", post: "read:case:restricted" },
  "reports._index": { get: "read:reports", post: null },
  "reports.outcomes": { get: "read:reports", post: null },
  "reports.outcomes[.]csv": { get: "read:reports", post: null },
  "reports.accountability": { get: "read:reports", post: null },
  "reports.accountability[.]csv": { get: "read:reports", post: null },
  "settings.collective": { get: "manage:collective", post: "manage:collective" },
  "settings.agenda": { get: "manage:collective", post: "manage:collective" },
  "settings.participation": { get: "manage:collective", post: "manage:collective" },
  "settings.accounts": { get: "manage:departments", post: "manage:departments" },
  "settings.audit": { get: "read:audit", post: null },
  "settings.audit[.]csv": { get: "read:audit", post: null },
};
