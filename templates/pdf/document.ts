import fs from "node:fs";
import { createRequire } from "node:module";
import { create as parseFont, type Font } from "fontkit";
import PDFDocument from "pdfkit";
import { at } from "~/lib/at";
import { translator } from "~/lib/i18n";

// A small layout toolkit shared by every PDF (agenda, minutes, onboarding brief): A4, calm type,
// page numbers and a confidentiality footer on every page. Latin and Devanagari text are written
// in runs, each in a font that has its glyphs.

// The Noto TTFs ship in npm packages (OFL-1.1), so a fresh machine renders Devanagari after
// `npm install`, with no system fonts. Helvetica (Latin only) remains if they are ever missing.
const packageFile = (spec: string) => {
  try {
    return createRequire(import.meta.url).resolve(spec);
  } catch {
    return "";
  }
};
const fontFiles = {
  latin: packageFile("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  latinBold: packageFile("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  deva: packageFile("@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf"),
  devaBold: packageFile("@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf"),
};
const haveNoto = Object.values(fontFiles).every((f) => f !== "" && fs.existsSync(f));

// Parsing a font and decoding its layout tables costs more than laying out the longest minutes, so
// a process parses each font once; every document still embeds only the glyphs it uses.
const parsedFonts = new Map<string, Font>();
function parsedFont(file: string): Font {
  let font = parsedFonts.get(file);
  if (!font) parsedFonts.set(file, (font = parseFont(fs.readFileSync(file))));
  return font;
}

export const footerText = translator("en-IN")("pdf.footer");
const margin = 50;
const ink = "#16202a";
const muted = "#4a5560";

type Doc = PDFKit.PDFDocument;
type Weight = "regular" | "bold";

function fontFor(script: "latin" | "deva", weight: Weight): string {
  if (!haveNoto) return weight === "bold" ? "Helvetica-Bold" : "Helvetica";
  return script === "deva" ? (weight === "bold" ? "devaBold" : "deva") : weight === "bold" ? "latinBold" : "latin";
}

const devanagari = /[\u0900-\u097F\uA8E0-\uA8FF]/;

/** Splits text into runs by script; spaces and punctuation stay with the run they are in. */
export function scriptRuns(text: string): { script: "latin" | "deva"; text: string }[] {
  if (!devanagari.test(text)) return [{ script: "latin", text }];
  const runs: { script: "latin" | "deva"; text: string }[] = [];
  for (const ch of text) {
    const script = devanagari.test(ch) ? "deva" : /[\p{L}\p{N}]/u.test(ch) ? "latin" : (runs.at(-1)?.script ?? "latin");
    const last = runs.at(-1);
    if (last && last.script === script) last.text += ch;
    else runs.push({ script, text: ch });
  }
  return runs;
}

export type WriteOptions = {
  size?: number;
  weight?: Weight;
  color?: string;
  indent?: number;
  width?: number;
  gap?: number;
};

export class PdfWriter {
  constructor(readonly doc: Doc) {}

  get contentWidth() {
    return this.doc.page.width - margin * 2;
  }

  /** Writes a paragraph, switching fonts per script run. */
  write(text: string, { size = 11, weight = "regular", color = ink, indent = 0, width, gap = 4 }: WriteOptions = {}) {
    this.doc.fillColor(color).fontSize(size);
    this.runs(text, weight, margin + indent, this.doc.y, width ?? this.contentWidth - indent);
    this.doc.moveDown(gap / size);
    return this;
  }

  /** Writes wrapped text at (x, y): one call when it is all Latin, else one per script run. */
  private runs(text: string, weight: Weight, x: number, y: number, width: number) {
    const runs = scriptRuns(text || " ");
    runs.forEach((run, i) => {
      this.doc.font(fontFor(run.script, weight));
      const continued = i < runs.length - 1;
      if (i === 0) this.doc.text(run.text, x, y, { width, continued });
      else this.doc.text(run.text, { continued });
    });
  }

  title(text: string) {
    return this.write(text, { size: 18, weight: "bold", gap: 6 });
  }

  heading(text: string) {
    this.ensureSpace(60);
    this.doc.moveDown(0.4);
    return this.write(text, { size: 13, weight: "bold", gap: 4 });
  }

  muted(text: string, size = 10) {
    return this.write(text, { size, color: muted });
  }

  keyValues(rows: [string, string][]) {
    for (const [k, v] of rows) this.write(`${k}: ${v}`, { size: 11 });
    return this;
  }

  bullets(items: string[], { indent = 12, size = 10 }: { indent?: number; size?: number } = {}) {
    for (const item of items) this.write(`• ${item}`, { size, indent, color: ink, gap: 2 });
    return this;
  }

  rule() {
    const y = this.doc.y + 2;
    this.doc
      .moveTo(margin, y)
      .lineTo(this.doc.page.width - margin, y)
      .lineWidth(0.5)
      .strokeColor("#c9d1d9")
      .stroke();
    this.doc.moveDown(0.5);
    return this;
  }

  /** Starts a new page unless `height` points fit above the footer. */
  ensureSpace(height: number) {
    if (this.doc.y + height > this.doc.page.height - margin - 30) this.doc.addPage();
    return this;
  }

  /** A table whose header repeats on every page it spans. Cells wrap. */
  table(columns: { header: string; width: number }[], rows: string[][], size = 9.5) {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    // Each row is measured before it is drawn, to know whether it fits on the page. A cell measured
    // as one line of Latin text is then drawn without wrapping it again; and as departments, dates
    // and case codes repeat down a table, a column measures a given text once.
    const measurements = new Map<string, { height: number; oneLatinLine: boolean }>();
    const measure = (cell: string, i: number, weight: Weight) => {
      const key = `${weight} ${i} ${cell}`;
      let m = measurements.get(key);
      if (!m) {
        // Measured in the fonts that draw it: a cell with Devanagari is drawn in runs of both faces
        // (Devanagari's glyphs wider, Latin's lines taller), so it takes the taller of the two.
        const deva = devanagari.test(cell);
        const heightIn = (script: "latin" | "deva") => {
          this.doc.font(fontFor(script, weight));
          return this.doc.heightOfString(cell || " ", { width: at(widths, i) - 8 });
        };
        const height = deva ? Math.max(heightIn("deva"), heightIn("latin")) : heightIn("latin");
        const oneLine = height < this.doc.currentLineHeight(true) * 1.5;
        m = { height, oneLatinLine: oneLine && !deva && !cell.includes("\n") };
        measurements.set(key, m);
      }
      return m;
    };
    const rowHeight = (cells: string[], weight: Weight) => {
      this.doc.fontSize(size);
      return Math.max(...cells.map((cell, i) => measure(cell, i, weight).height)) + 8;
    };
    const drawRow = (cells: string[], weight: Weight, shade: boolean, measured?: number) => {
      const h = measured ?? rowHeight(cells, weight);
      this.ensureSpace(h);
      const y = this.doc.y;
      if (shade) this.doc.rect(margin, y, this.contentWidth, h).fill("#f3f5f7");
      this.doc.fillColor(ink).fontSize(size);
      let x = margin;
      cells.forEach((cell, i) => {
        if (measure(cell, i, weight).oneLatinLine)
          this.doc.font(fontFor("latin", weight)).text(cell || " ", x + 4, y + 4, { lineBreak: false });
        else this.runs(cell, weight, x + 4, y + 4, at(widths, i) - 8);
        x += at(widths, i);
      });
      this.doc
        .moveTo(margin, y + h)
        .lineTo(margin + this.contentWidth, y + h)
        .lineWidth(0.5)
        .strokeColor("#c9d1d9")
        .stroke();
      this.doc.x = margin;
      this.doc.y = y + h;
      return h;
    };
    const header = columns.map((c) => c.header);
    drawRow(header, "bold", true);
    for (const row of rows) {
      const h = rowHeight(row, "regular");
      if (this.doc.y + h > this.doc.page.height - margin - 30) {
        this.doc.addPage();
        drawRow(header, "bold", true);
      }
      drawRow(row, "regular", false, h);
    }
    this.doc.moveDown(0.6);
    return this;
  }
}

function newDocument(title: string, bufferPages: boolean, compress = true): Doc {
  const doc = new PDFDocument({
    size: "A4",
    margin,
    bufferPages,
    compress,
    info: { Title: title, Creator: "TESTA Desk" },
  });
  if (haveNoto) for (const [name, file] of Object.entries(fontFiles)) doc.registerFont(name, parsedFont(file));
  doc.font(fontFor("latin", "regular"));
  return doc;
}

/** The confidentiality footer and "Page X of Y" at the foot of the current page; the cursor and type are left as they were. */
function footer(doc: Doc, page: number, pages: number) {
  const state = doc as Doc & { _font: unknown; _fontSize: number; _fillColor?: [string, number] };
  const { _font: font, _fontSize: size, _fillColor: fill, x, y } = state;
  // Writing below the bottom margin would add a page; lift it while the footer goes in.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font(fontFor("latin", "regular")).fontSize(8).fillColor(muted);
  doc.text(footerText, margin, doc.page.height - 35, { width: doc.page.width - margin * 2 - 80, lineBreak: false });
  doc.text(`Page ${page} of ${pages}`, doc.page.width - margin - 80, doc.page.height - 35, {
    width: 80,
    align: "right",
    lineBreak: false,
  });
  doc.page.margins.bottom = bottom;
  state._font = font;
  doc.fontSize(size);
  if (fill) doc.fillColor(...fill);
  Object.assign(doc, { x, y });
}

/** How a template's document comes out: renderPdf (its bytes) by default, or streamPdf. */
export type PdfOutput<T> = (title: string, draw: (pdf: PdfWriter) => void) => T;

/** Renders a document to a buffer, numbering pages and adding the footer once it is laid out. */
export function renderPdf(title: string, draw: (pdf: PdfWriter) => void): Promise<Buffer> {
  const doc = newDocument(title, true);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(new PdfWriter(doc));
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    footer(doc, i - range.start + 1, range.count);
  }
  doc.end();
  return done;
}

/**
 * The same document as renderPdf, as a stream whose pages are written out as each one ends, never
 * kept: for many or long documents in a row (the archive), where holding every page of a long
 * brief until its end cost hundreds of megabytes. "Page X of Y" needs Y before the first page is
 * written, so the document is first laid out once to count its pages, uncompressed, its output
 * dropped as it comes and its fonts never embedded; then again, each page's footer drawn as it starts.
 */
export function streamPdf(title: string, draw: (pdf: PdfWriter) => void): PDFKit.PDFDocument {
  const counting = newDocument(title, false, false);
  let pages = 1;
  counting.on("pageAdded", () => pages++);
  counting.on("data", () => {});
  draw(new PdfWriter(counting));

  const doc = newDocument(title, false);
  let page = 1;
  footer(doc, page, pages);
  doc.on("pageAdded", () => footer(doc, ++page, pages));
  draw(new PdfWriter(doc));
  doc.end();
  return doc;
}
