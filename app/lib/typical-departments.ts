import type { DepartmentKind } from "#db/schema/enums";

/**
 * The nine member departments of a typical district collective, the starting set a new collective
 * chooses from (docs: the domain's "Typical member departments"). The last is the secretariat's seat.
 */
export const typicalDepartments: readonly { kind: DepartmentKind; name: string }[] = [
  { kind: "police", name: "Police – Anti-Human-Trafficking Unit" },
  { kind: "prosecution", name: "Public Prosecutor's Office" },
  { kind: "court", name: "Exclusive Trafficking Court" },
  { kind: "dcpu", name: "District Child Protection Unit" },
  { kind: "dwcd", name: "Department of Women and Child Development" },
  { kind: "dlsa", name: "District Legal Services Authority" },
  { kind: "plv", name: "Para-Legal Volunteers" },
  { kind: "shelter_home", name: "Government Shelter Home" },
  { kind: "ngo", name: "TESTA Secretariat – project NGO" },
];

/** The typical department of a kind (each kind appears once in the starting set). */
export function typicalDepartment(kind: DepartmentKind): { kind: DepartmentKind; name: string } {
  const found = typicalDepartments.find((d) => d.kind === kind);
  if (!found) throw new Error(`No typical department of kind ${kind}`);
  return found;
}
