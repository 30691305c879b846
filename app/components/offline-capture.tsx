import { useSubmit } from "@remix-run/react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { offlineMessage } from "~/lib/forms";
import {
  dropSave,
  keepSave,
  keyOf,
  queuedSaves,
  rebase,
  updateSave,
  type QueuedSave,
  type SaveIntent,
} from "~/lib/offline-queue";
import { plural } from "~/lib/plural";
import { keepPageSoon, useKeptForOffline } from "./offline-copy";

// Offline capture on the run page. A save that cannot reach the server (or that would overtake
// saves still waiting) is kept on this device; when the network is back the kept saves are
// replayed in order through the page's own action, each with the version it was based on and its
// replay id. What each item shows comes from here: kept, sent, or held by a conflict.

type Answer = Record<string, unknown>;
type Capture = { ready: boolean; online: boolean; saves: QueuedSave[]; sent: string[] };

let capture: Capture = { ready: false, online: true, saves: [], sent: [] };
const listeners = new Set<() => void>();
const serverCapture: Capture = capture;
let meetingOnPage = 0;

function publish(next: Partial<Capture>) {
  capture = { ...capture, ...next };
  listeners.forEach((l) => l());
}
async function reload() {
  publish({ ready: true, saves: await queuedSaves(meetingOnPage) });
}

export function useCapture(): Capture {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => capture,
    () => serverCapture,
  );
}

/** What an item (or the grid) shows about the saves kept for it. */
export function captureState(c: Capture, key: string): { label: string; save?: QueuedSave; held?: Answer } {
  const save = c.saves.filter((s) => s.key === key).at(-1);
  if (save?.held) return { label: "", save, held: save.held };
  if (save) return { label: "Saved on this device, not yet sent", save };
  return { label: c.sent.includes(key) ? "Sent" : "" };
}

/**
 * One item's (or the grid's) capture state, and, when the page was loaded while a save of it was
 * kept, that save's fields: the boxes then show what was typed, not the page as last loaded.
 */
export function useCaptured(key: string) {
  const capture = useCapture();
  const captured = captureState(capture, key);
  const [restored, setRestored] = useState<Record<string, string>>();
  // Once, when the kept saves have been read: adjusted while rendering, as React advises.
  const [checked, setChecked] = useState(false);
  if (capture.ready && !checked) {
    setChecked(true);
    if (captured.save) setRestored(Object.fromEntries(captured.save.fields));
  }
  return { capture, captured, restored };
}

const capturable = (intent: string): intent is SaveIntent =>
  intent === "item" || intent === "attendance" || intent === "add-action";
const replies = new Map<string, (answer: Answer | null) => void>();

/**
 * The run page's clientAction: sends the save, or keeps it on the device when the network is
 * down or kept saves are still waiting (so that saves reach the server in the order made).
 */
export async function sendOrKeep(request: Request, meetingId: number, send: () => Promise<unknown>) {
  const form = await request.clone().formData();
  const intent = String(form.get("intent") ?? "");
  const replayId = form.get("replayId");
  const itemId = Number(form.get("itemId")) || undefined;
  if (typeof replayId === "string") {
    // The replay runner's own submission: its answer goes back to the runner, never to an error page.
    let answer: Answer | null;
    try {
      answer = (await send()) as Answer;
    } catch {
      answer = null;
    }
    replies.get(replayId)?.(answer);
    return answer ?? { offline: true };
  }
  if (capturable(intent)) {
    const waiting = (await queuedSaves(meetingId)).filter((s) => !s.held || s.key === keyOf(intent, form));
    // Saving again what a conflict or refusal held is the person's choice: the held save gives way.
    for (const held of waiting.filter((s) => s.held)) await dropSave(held.id);
    if (navigator.onLine && !waiting.some((s) => !s.held)) {
      try {
        const answer = await send();
        keepPageSoon();
        return answer;
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
      }
    }
    meetingOnPage = meetingId;
    await keepSave(meetingId, intent, form);
    publish({ online: navigator.onLine, sent: capture.sent.filter((k) => k !== keyOf(intent, form)) });
    await reload();
    void replayKept();
    return { intent, itemId, offline: true, kept: true };
  }
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { intent, itemId, offline: true, errors: { form: offlineMessage } };
  }
}

let submitReplay: ((save: QueuedSave) => Promise<Answer | null>) | null = null;
let replaying = false;

/** Sends the kept saves, oldest first; stops at the first that cannot reach the server. */
async function replayKept() {
  if (replaying || !submitReplay || !navigator.onLine) return;
  replaying = true;
  try {
    for (;;) {
      const saves = await queuedSaves(meetingOnPage);
      const heldKeys = new Set(saves.filter((s) => s.held).map((s) => s.key));
      const next = saves.find((s) => !s.held && !heldKeys.has(s.key));
      if (!next) break;
      // From here its content is fixed: the server may apply it even if the answer is lost.
      await updateSave({ ...next, sent: true });
      const answer = await submitReplay(next);
      if (!answer || answer.offline) break;
      if (answer.errors) await updateSave({ ...next, sent: true, held: answer });
      else {
        await dropSave(next.id);
        if (typeof answer.version === "number") await rebase(meetingOnPage, next.key, answer.version);
        publish({ sent: [...capture.sent, next.key] });
        keepPageSoon();
      }
      await reload();
    }
  } finally {
    replaying = false;
    await reload();
  }
}

/** Takes a held save off the device (the person took the other version). */
export async function discardKept(key: string) {
  for (const s of capture.saves.filter((s) => s.key === key)) await dropSave(s.id);
  await reload();
}

/** The run page's offline capture: loads what is kept, replays it when online, and says where things stand. */
export function OfflineCapture({ meetingId }: { meetingId: number }) {
  const submit = useSubmit();
  const c = useCapture();
  useKeptForOffline();
  useEffect(() => {
    meetingOnPage = meetingId;
    submitReplay = (save) =>
      new Promise((resolve) => {
        replies.set(save.id, (answer) => {
          replies.delete(save.id);
          resolve(answer);
        });
        const form = new FormData();
        for (const [k, v] of save.fields) form.append(k, v);
        form.set("replayId", save.id);
        submit(form, { method: "post", navigate: false, fetcherKey: "offline-replay" });
      });
    const onNetwork = () => {
      publish({ online: navigator.onLine });
      void replayKept();
    };
    publish({ online: navigator.onLine });
    void reload().then(replayKept);
    // A network that came back without saying so: try the kept saves now and then.
    const retry = setInterval(() => void replayKept(), 5000);
    window.addEventListener("online", onNetwork);
    window.addEventListener("offline", onNetwork);
    return () => {
      clearInterval(retry);
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
      submitReplay = null;
    };
  }, [meetingId, submit]);
  const waiting = c.saves.filter((s) => !s.held).length;
  return (
    <>
      {c.ready ? null : (
        // Shown until the page's JavaScript runs (never, without it): this page then saves only online.
        <div className="notice no-print">
          Offline capture needs JavaScript: it starts once the page has loaded it. Without it this page saves only while
          the network is up.
        </div>
      )}
      {!c.online || waiting ? (
        <div className={c.online ? "notice no-print" : "form-error no-print"} role="status" aria-live="polite">
          {c.online
            ? `Sending ${plural(waiting, "save", "saves")} kept on this device…`
            : `The network is down. Saves are kept on this device and sent when the connection is back${waiting ? ` (${plural(waiting, "save", "saves")} waiting)` : ""}.`}
        </div>
      ) : null}
    </>
  );
}
