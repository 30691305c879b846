import type { Role } from "#db/schema/enums";

// One table of who may do what. Loaders and actions ask for a permission, never for a role,
// so that a change of policy is a change here and nowhere else.
//
// A permission is `action:entity`, or `action:entity:scope` for records that belong to departments
// (an action item to its owner, a case to every department involved, a brief to its department):
// `:own` reaches the records of the department whose seat the reader holds, `:any` every
// department's. Asking for `…:own` is met by either; `allows` decides, in this one place, whether
// a record's department is the reader's own. Nothing outside this file compares roles.
export const permissions = [
  "manage:collective",
  "manage:departments",
  /** Read, filter, export and verify the audit log. */
  "read:audit",
  "read:departments",
  "read:outbox",
  "read:case:own",
  "read:case:any",
  /** FIR number, accused names, event notes. */
  "read:restricted-fields",
  /** Protected text (a victim's name typed into a free-text field) unmasked, to correct it. */
  "read:protected-text",
  "write:case",
  "read:action-item:own",
  "read:action-item:any",
  "update:action-item:own",
  "update:action-item:any",
  /** A department's onboarding brief. */
  "read:brief:own",
  "read:brief:any",
  "read:meeting",
  /** Minutes while still a draft (never circulated): members read circulated versions only. */
  "read:draft-minutes",
  "write:meeting",
  "read:reports",
  /** A department's representative puts a matter on the next meeting's draft agenda. */
  "raise:agenda-matter",
  /** The state's own work: create a district's collective, appoint its first administrator, deactivate it. */
  "manage:collectives",
  /** The state roll-up: every district side by side, small counts suppressed, read-only. */
  "read:state",
] as const;
export type Permission = (typeof permissions)[number];
/** A permission held per department, named without its scope: "read:case", "update:action-item". */
export type OwnedRecord = Permission extends infer P
  ? P extends `${infer Base}:${"own" | "any"}`
    ? Base
    : never
  : never;
export type Scope = "own" | "any";

// The secretariat sees the outbox (what went to whom, with its PDF and invite); set-password links
// inside welcome emails are shown to those who manage departments only.
const secretariat: Permission[] = [
  "read:outbox",
  "read:departments",
  "read:case:any",
  "read:restricted-fields",
  "read:protected-text",
  "write:case",
  "read:action-item:any",
  "update:action-item:any",
  "read:brief:any",
  "read:meeting",
  "read:draft-minutes",
  "write:meeting",
  "read:reports",
];

export const grants: Record<Role, readonly Permission[]> = {
  admin: ["manage:collective", "manage:departments", "read:audit", ...secretariat],
  secretariat,
  // Representatives read only the cases their department is involved in, and never restricted fields.
  // They read and update their own department's action items and read its brief. They may also
  // raise a matter for the next agenda, always for their own department. They read minutes once
  // circulated, never a draft.
  representative: [
    "read:departments",
    "read:case:own",
    "read:action-item:own",
    "update:action-item:own",
    "read:brief:own",
    "read:meeting",
    "read:reports",
    "raise:agenda-matter",
  ],
  observer: ["read:reports"],
  // The state's roles belong to the state's own row of collectives, which holds no district's
  // records: they reach a district only through the state pages, never through a district's.
  state_admin: ["manage:collectives", "read:state"],
  state_observer: ["read:state"],
};

/** Whether a role holds a permission. Asking for `…:own` is met by `…:any` too. */
export function can(role: Role, permission: Permission): boolean {
  const held = grants[role];
  return (
    held.includes(permission) ||
    (permission.endsWith(":own") && held.includes(permission.replace(/:own$/, ":any") as Permission))
  );
}

/** How far a role reaches with a permission held per department: every department's records, its own seat's, or none. */
export function scopeOf(role: Role, record: OwnedRecord): Scope | null {
  if (grants[role].includes(`${record}:any` as Permission)) return "any";
  return grants[role].includes(`${record}:own` as Permission) ? "own" : null;
}

export type Reader = { role: Role; departmentId: number | null };
/** The department a record belongs to (or, for a case, every department involved in it). */
export type Ownership = { departmentId?: number | readonly number[] };

/**
 * The one decision on ownership. Without a department (at a route's door, before the record is
 * read) it asks whether the role holds the permission at any scope; with one, a `…:own` holder
 * passes only when the record's department is the department of their seat.
 */
export function allows(user: Reader, permission: Permission, { departmentId }: Ownership = {}): boolean {
  if (!can(user.role, permission)) return false;
  if (departmentId === undefined || !permission.endsWith(":own")) return true;
  if (scopeOf(user.role, permission.replace(/:own$/, "") as OwnedRecord) === "any") return true;
  const owners: readonly number[] = typeof departmentId === "number" ? [departmentId] : departmentId;
  return user.departmentId !== null && owners.includes(user.departmentId);
}

/** What a refusal says when the record is another department's. */
const notYours: Record<OwnedRecord, string> = {
  "read:case": "Your department is not involved in this case.",
  "read:action-item": "This action item belongs to another department.",
  "update:action-item": "Only the owning department or the secretariat can update this action item.",
  "read:brief": "This brief is for the department's own representative.",
};

/** `allows`, or the 403 page (never a 500). `requireUserWithPermission` in services/auth.server.ts calls this. */
export function requirePermission(user: Reader, permission: Permission, ownership: Ownership = {}): void {
  if (allows(user, permission, ownership)) return;
  const message = can(user.role, permission)
    ? notYours[permission.replace(/:own$/, "") as OwnedRecord]
    : "Your role does not allow this.";
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

/**
 * Roles whose account acts for the department of the seat it holds (their permissions are `:own`):
 * such an account signs in only while a tenure is in force, and has no department without one.
 */
export function actsForSeat(role: Role): boolean {
  return grants[role].some((p) => p.endsWith(":own"));
}

/** The role a successor takes with a seat: the project team's own seat keeps the secretariat's role. */
export function successorRole(predecessor: Role | undefined): "representative" | "secretariat" {
  return predecessor === "secretariat" ? "secretariat" : "representative";
}

/** The role the state appoints to run a new collective: it seats the departments and holds the secretariat's work too. */
export const collectiveAdministratorRole: Role = "admin";

/** Restricted fields (FIR number, accused names, event notes) are for these roles only. */
export function seesRestricted(role: Role): boolean {
  return can(role, "read:restricted-fields");
}

/**
 * Where each role starts: the meeting for the secretariat, the department's own work for a
 * representative, the state roll-up for the state's roles.
 */
export function homePathFor(role: Role): string {
  if (can(role, "read:state")) return "/state";
  if (!can(role, "read:meeting")) return "/reports/outcomes";
  if (actsForSeat(role)) return "/actions";
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
  // The offline worker script: the same file for everyone, holding no data.
  "sw[.]js": { get: "public", post: null },
  login: { get: "public", post: "public" },
  logout: { get: "public", post: "public" },
  "welcome.$token": { get: "public", post: "public" },
  // The language switch before sign-in: it sets a cookie naming a language, nothing more.
  language: { get: "public", post: "public" },
  account: { get: "signed-in", post: "signed-in" },
  "actions._index": { get: "read:action-item:own", post: "raise:agenda-matter" },
  "actions.$actionId": { get: "read:action-item:own", post: "update:action-item:own" },
  "actions.$actionId_.correct": { get: "write:meeting", post: "write:meeting" },
  "cases._index": { get: "read:case:own", post: null },
  "cases.new": { get: "write:case", post: "write:case" },
  "cases.$caseId": { get: "read:case:own", post: "write:case" },
  "cases.$caseId_.edit": { get: "write:case", post: "write:case" },
  "departments._index": { get: "read:departments", post: "manage:departments" },
  "departments.$departmentId": { get: "read:departments", post: "manage:departments" },
  "departments.$departmentId_.brief": { get: "read:brief:own", post: null },
  "departments.$departmentId.brief[.]pdf": { get: "read:brief:own", post: null },
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
  redaction: { get: "read:restricted-fields", post: "read:restricted-fields" },
  "reports._index": { get: "read:reports", post: null },
  // The state's roll-up and its read-only drill-down into one district (h16b).
  "state._index": { get: "read:state", post: null },
  "state[.]csv": { get: "read:state", post: null },
  "state.$collectiveId.outcomes": { get: "read:state", post: null },
  "state.$collectiveId.accountability": { get: "read:state", post: null },
  // Cross-district matches: the secretariat's, as identity matches are.
  linkage: { get: "read:restricted-fields", post: "write:case" },
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
  "settings.import": { get: "manage:collective", post: "manage:collective" },
  "settings.import_.template[.]csv": { get: "manage:collective", post: null },
  "settings.archive": { get: "manage:collective", post: null },
  "settings.archive[.]zip": { get: "manage:collective", post: null },
  "state.collectives._index": { get: "manage:collectives", post: null },
  "state.collectives.new": { get: "manage:collectives", post: "manage:collectives" },
  "state.collectives.$collectiveId": { get: "manage:collectives", post: "manage:collectives" },
};
