// The state's own row and its two accounts: the state administrator and the state observer.
import type { Conn } from "#db/client";
import { createCollective, createUser } from "../../tests/factories";

export const stateAccounts = [
  { email: "state@demo.testa", role: "state_admin", name: "State Programme Officer" },
  { email: "state-observer@demo.testa", role: "state_observer", name: "State Legal Services Authority" },
] as const;

/** The state is a row of collectives (kind "state") that holds accounts and nothing else. */
export function seedState(tx: Conn, { passwordHash }: { passwordHash: string }) {
  const state = createCollective(tx, {
    kind: "state",
    name: "Maharashtra State",
    district: "Maharashtra",
    districtCode: "MH",
    state: "Maharashtra",
  });
  for (const a of stateAccounts) createUser(tx, { collectiveId: state.id, passwordHash, ...a });
  return state;
}
