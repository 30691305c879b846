import type { Conn } from "#db/client";
import { audit } from "~/models/audit.server";
import type { SessionUser } from "~/models/user.server";

export type Download = {
  body: string | Uint8Array;
  contentType: string;
  /** As the person saves it. Built from codes and numbers only, never a protected value. */
  filename: string;
  /** PDFs open in the browser; calendars and spreadsheets are saved. */
  inline?: boolean;
  /** What the file is about, for the audit log. */
  record: { entity: string; entityId?: number | null };
  /** For the audit log, when the file name alone does not say what was taken (ids, counts, filters only). */
  detail?: string;
};

/** Every file that leaves the app (PDF, ICS, CSV, attachment) is written to the audit log: which, and for whom. */
export function downloadResponse(db: Conn, user: Pick<SessionUser, "collectiveId" | "id">, file: Download): Response {
  audit(db, {
    collectiveId: user.collectiveId,
    userId: user.id,
    action: "download",
    entity: file.record.entity,
    entityId: file.record.entityId ?? null,
    detail: file.detail ?? file.filename,
  });
  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return new Response(body, { headers: downloadHeaders(file) });
}

/** The headers of a file that leaves the app: its type and name, never sniffed, never stored by a browser or proxy. */
export function downloadHeaders(file: Pick<Download, "contentType" | "filename" | "inline">): Headers {
  const asciiName = file.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Headers({
    "Content-Type": file.contentType,
    "Content-Disposition": `${file.inline ? "inline" : "attachment"}; filename="${asciiName}"${asciiName === file.filename ? "" : `; filename*=UTF-8''${encodeURIComponent(file.filename)}`}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
}
