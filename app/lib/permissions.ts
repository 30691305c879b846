import type { Role } from "#db/schema/enums";

// One table of who may do what. Loaders and actions ask for a permission, never for a role,
// so that a change of policy is a change here and nowhere else.
export const permissions = [
  "manage:collective",
  "manage:departments",
  "read:departments",
  "read:outbox",
  "read:case",
  "read:case:restricted",
  "write:case",
  "read:meeting",
  "write:meeting",
  "read:reports",
  /** A department's representative puts a matter on the next meeting's draft agenda. */
  "raise:agenda-matter",
] as const;
export type Permission = (typeof permissions)[number];

// The secretariat sees the outbox (what went to whom, with its PDF and invite); set-password links
// inside welcome emails are shown to those who manage departments only.
const secretariat: Permission[] = [
  "read:outbox", "read:departments", "read:case", "read:case:restricted", "write:case", "read:meeting", "write:meeting", "read:reports",
];

export const grants: Record<Role, readonly Permission[]> = {
  admin: ["manage:collective", "manage:departments", ...secretariat],
  secretariat,
  // Representatives read only the cases their department is involved in, and never restricted fields.
  // They may also raise a matter for the next agenda, always for their own department.
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
