// The run page's saves kept on this device (IndexedDB) while the network is down, in the order
// they were made. Only what the run page's own forms send is kept: no page, no FIR number, no
// accused's name. Browser only: every function is called from event handlers and effects.

export type SaveIntent = "item" | "attendance" | "add-action";

export type QueuedSave = {
  /** The replay id the server remembers, so a replay whose answer was lost is not applied twice. */
  id: string;
  /** Order of making: replays go in this order. */
  seq: number;
  meetingId: number;
  intent: SaveIntent;
  /** "item:12", "attendance", "add-action:12": what the page shows the save's state beside. */
  key: string;
  fields: [string, string][];
  /** Set once a replay was sent: its content is then fixed (the server may have applied it). */
  sent?: boolean;
  /** The server's refusal or conflict, shown beside the item until the person chooses. */
  held?: Record<string, unknown>;
};

const dbName = "testa-offline";
const store = "saves";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(store, { keyPath: "id" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function inStore<T>(
  mode: IDBTransactionMode,
  work: (s: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = work(tx.objectStore(store));
    tx.oncomplete = () => {
      db.close();
      resolve(req ? req.result : undefined);
    };
    tx.onerror = () => reject(tx.error);
  });
}

export async function queuedSaves(meetingId?: number): Promise<QueuedSave[]> {
  const all = ((await inStore("readonly", (s) => s.getAll())) ?? []) as QueuedSave[];
  return all.filter((s) => meetingId === undefined || s.meetingId === meetingId).sort((a, b) => a.seq - b.seq);
}

export const keyOf = (intent: string, fields: FormData) =>
  intent === "item"
    ? `item:${fields.get("itemId")}`
    : intent === "add-action"
      ? `add-action:${fields.get("agendaItemId")}`
      : "attendance";

/**
 * Keeps a save. A newer save of the same item or grid replaces one not yet sent (it holds the
 * same boxes, typed further, and keeps the version it was based on); one held by a conflict or a
 * refusal is replaced too: saving again is the person's choice. A new action item is always its own.
 */
export async function keepSave(meetingId: number, intent: SaveIntent, form: FormData): Promise<QueuedSave> {
  const key = keyOf(intent, form);
  const fields = [...form.entries()].filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "replayId",
  );
  const earlier =
    intent === "add-action" ? undefined : (await queuedSaves(meetingId)).find((s) => s.key === key && !s.sent);
  const save: QueuedSave = earlier
    ? { ...earlier, fields: earlier.held ? fields : withVersionOf(fields, earlier.fields), held: undefined }
    : { id: crypto.randomUUID(), seq: Date.now() + Math.random(), meetingId, intent, key, fields };
  await inStore("readwrite", (s) => s.put(save));
  return save;
}

/** The newer fields with the version(s) of the save they replace: the base it was typed on. */
function withVersionOf(fields: [string, string][], base: [string, string][]): [string, string][] {
  const versions = new Map(base.filter(([k]) => k === "version" || k.startsWith("version.")));
  return fields.map(([k, v]) => [k, versions.get(k) ?? v]);
}

export async function updateSave(save: QueuedSave) {
  await inStore("readwrite", (s) => s.put(save));
}

export async function dropSave(id: string) {
  await inStore("readwrite", (s) => s.delete(id));
}

/** After a replay of an item was applied, the item's later saves are based on the version it made. */
export async function rebase(meetingId: number, key: string, version: number) {
  for (const later of (await queuedSaves(meetingId)).filter((s) => s.key === key && !s.sent)) {
    await updateSave({ ...later, fields: later.fields.map(([k, v]) => [k, k === "version" ? String(version) : v]) });
  }
}

/** Signing out: nothing of the meeting stays on the device. */
export async function clearDevice() {
  await inStore("readwrite", (s) => s.clear());
  await workerForgets();
  if ("caches" in window) for (const name of await caches.keys()) await caches.delete(name);
  for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
}

/**
 * Tells the offline worker to stop keeping pages and to empty its caches, and waits until it has
 * (a page it was still fetching would otherwise be kept after the caches were deleted). A worker
 * that does not answer within 5 s is passed over: the caches are deleted here in any case.
 */
async function workerForgets() {
  const registration = await navigator.serviceWorker?.getRegistration();
  const worker = registration?.active;
  if (!worker) return;
  await new Promise<void>((done) => {
    const channel = new MessageChannel();
    const timer = setTimeout(done, 5000);
    channel.port1.onmessage = () => {
      clearTimeout(timer);
      done();
    };
    worker.postMessage({ forget: true }, [channel.port2]);
  });
}
