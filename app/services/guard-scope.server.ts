import type { Conn } from "#db/client";
import { findProtected, protectedSet, type ProtectedMatch, type ProtectedSet } from "./identity.server";

/** What a field may hold: see GuardedField in input-guard.server.ts. */
export type GuardScope = "open" | "restricted" | "own-contact";

/** The collective's protected set, read once per check. */
export const scopedSets = (db: Conn, collectiveId: number): ProtectedSet => protectedSet(db, collectiveId);

/** What each scope lets through of what the matcher finds. */
const allowed: Record<GuardScope, (m: ProtectedMatch) => boolean> = {
  open: () => false,
  // Restricted fields may name the accused and cite the FIR; never a victim.
  restricted: (m) => m.subject === "accused" || m.subject === "case",
  // A seat holder's own name is never compared with accused persons' names, and their phone is theirs to give.
  "own-contact": (m) => m.subject === "accused" || m.kind === "phone",
};

/** The protected stretches of a text that the field's scope does not allow. */
export function findInScope(text: string, set: ProtectedSet, scope: GuardScope): ProtectedMatch[] {
  return findProtected(text, set).filter((m) => !allowed[scope](m));
}
