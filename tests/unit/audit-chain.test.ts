import { describe, expect, it } from "vitest";
import { entryHash, genesisHash, verifyChain, type StoredEntry } from "~/lib/audit-chain";
import { must } from "../support/present";

function chain(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  let prev = genesisHash;
  for (let i = 1; i <= n; i++) {
    const e = {
      id: i * 2,
      collectiveId: 1,
      userId: 3,
      action: "update",
      entity: "case",
      entityId: i,
      detail: null,
      at: `2026-12-01T08:0${i}:00.000Z`,
    };
    const hash = entryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("the audit chain", () => {
  it("holds for entries as written", () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, checked: 5 });
  });

  it("names the first entry changed", () => {
    const entries = chain(5);
    entries[2] = { ...must(entries[2]), detail: "fir" };
    expect(verifyChain(entries)).toMatchObject({
      ok: false,
      checked: 2,
      broken: { id: 6, reason: expect.stringContaining("changed") },
    });
  });

  it("names the entry after one removed, and an entry slipped in", () => {
    const removed = chain(5).filter((e) => e.id !== 4);
    expect(verifyChain(removed)).toMatchObject({
      ok: false,
      broken: { id: 6, reason: expect.stringContaining("does not follow") },
    });
    const entries = chain(3);
    const forged = {
      id: 5,
      collectiveId: 1,
      userId: 1,
      action: "update",
      entity: "case",
      entityId: 9,
      detail: null,
      at: "2026-12-01T08:05:00.000Z",
    };
    const second = must(entries[1]);
    entries.splice(2, 0, { ...forged, prevHash: second.hash, hash: entryHash(second.hash!, forged) });
    expect(verifyChain(entries)).toMatchObject({ ok: false, broken: { id: 6 } });
  });

  it("refuses an entry without a hash, and a field shifted into its neighbour", () => {
    const entries = chain(2);
    expect(verifyChain([...entries, { ...must(entries[1]), id: 9, prevHash: null, hash: null }])).toMatchObject({
      ok: false,
      broken: { id: 9 },
    });
    const a = {
      id: 1,
      collectiveId: 1,
      userId: null,
      action: "a",
      entity: "bc",
      entityId: null,
      detail: null,
      at: "x",
    };
    expect(entryHash("", a)).not.toBe(entryHash("", { ...a, action: "ab", entity: "c" }));
  });
});
