import type { Conn } from "#db/client";
import { storedPdf, storePdf, type FrozenPdfKey } from "~/models/frozen-pdf.server";

/**
 * The PDF of a frozen version: the stored bytes, or, the first time (or after a redaction), the
 * rendering, stored for every later download. The caller runs the leak guard on the version's
 * text before asking, every time, so a name protected after freezing still holds the download.
 */
export async function frozenPdf(db: Conn, key: FrozenPdfKey, render: () => Promise<Buffer>): Promise<Buffer> {
  const stored = storedPdf(db, key);
  if (stored) return stored;
  const pdf = await render();
  storePdf(db, key, pdf);
  return pdf;
}
