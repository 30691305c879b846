import crypto from "node:crypto";

// The audit log is a hash chain per collective: each entry's hash covers its own fields and the
// hash of the entry before it. Changing, removing or inserting an entry breaks the chain from there.

export type ChainedEntry = {
  id: number;
  collectiveId: number;
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail: string | null;
  at: string;
};

export type StoredEntry = ChainedEntry & { prevHash: string | null; hash: string | null };

/** The first entry of a collective chains to this. */
export const genesisHash = "";

export function entryHash(prevHash: string, e: ChainedEntry): string {
  // A JSON array: no field can be shifted into its neighbour by a crafted separator.
  const fields = [prevHash, e.id, e.collectiveId, e.userId, e.action, e.entity, e.entityId, e.detail, e.at];
  return crypto.createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

export type ChainBreak = { id: number; at: string; reason: string };
export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; broken: ChainBreak };

/** Walks one collective's entries in id order and reports the first that does not hold. */
export function verifyChain(entries: Iterable<StoredEntry>): ChainReport {
  let prev = genesisHash;
  let checked = 0;
  for (const e of entries) {
    const fail = (reason: string): ChainReport => ({ ok: false, checked, broken: { id: e.id, at: e.at, reason } });
    if (e.hash === null || e.prevHash === null) return fail("it carries no hash (written outside the app?)");
    if (e.prevHash !== prev)
      return fail("it does not follow the entry before it (an entry before it was removed, inserted or changed)");
    if (entryHash(prev, e) !== e.hash) return fail("its content no longer matches its hash (it was changed)");
    prev = e.hash;
    checked += 1;
  }
  return { ok: true, checked };
}
