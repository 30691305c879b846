import type { HeadersFunction } from "@remix-run/node";
import type { Conn } from "#db/client";
import { formatDateTime } from "~/lib/dates";
import { everyText, guardDocument, LeakBlocked } from "./identity.server";
import { offlineCopyHeader } from "./service-worker.server";

// Which pages a device may keep for a meeting without the network (the offline worker keeps no
// other page): the run page, and the agenda page of a meeting still to be held. Neither shows a
// FIR number or an accused's name; the agenda is kept only when none of its text holds a protected
// name, place or number (text written before it became protected), the bar for sending it.

export const keepOffline = { [offlineCopyHeader]: "keep" } as const;

/** The mark for a page whose text is all clear of the collective's protected set; none otherwise. */
export function offlineCopyIfClear(db: Conn, collectiveId: number, page: object): Record<string, string> {
  try {
    guardDocument(db, collectiveId, "the offline copy", everyText(page), undefined, "kept on a device");
  } catch (error) {
    if (error instanceof LeakBlocked) return {};
    throw error;
  }
  return keepOffline;
}

/** A kept page's time of loading: the page says "Offline copy from …" when shown from the device. */
export const loadedNow = (timeZone: string) => {
  const now = new Date();
  return { at: now.toISOString(), label: formatDateTime(now, timeZone) };
};

/** A route's headers: the loader's mark goes on the page, for the offline worker. */
export const offlineCopyHeaders: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  const mark = loaderHeaders.get(offlineCopyHeader);
  if (mark) headers.set(offlineCopyHeader, mark);
  return headers;
};
