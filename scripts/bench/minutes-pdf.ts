// The minutes PDF of a long meeting, beside raw pdfkit writing the same text.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { create as createFont, type Font } from "fontkit";
import PDFDocument from "pdfkit";
import { renderMinutesPdf, type MinutesDocument } from "#templates/pdf/minutes";
import { at } from "~/lib/at";
import { fmt } from "./timing";

const notoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

/** The minutes of a long meeting (40 items, 150 action items), beside raw pdfkit writing the same text. */
export async function benchMinutesPdf() {
  const doc: MinutesDocument = {
    collectiveName: "Bench District",
    district: "Bench",
    state: "Maharashtra",
    meetingNumber: 40,
    when: "Thu, 10/12/2026, 11:00 am IST",
    venue: "Collector's Office",
    onlineLink: null,
    minutesState: "circulated",
    version: 1,
    attendance: {
      present: Array.from({ length: 9 }, (_, i) => ({
        department: `Department ${i}`,
        name: `Officer ${i}`,
        designation: "Inspector",
        substitute: false,
      })),
      absent: [],
      excused: [],
    },
    items: Array.from({ length: 40 }, (_, i) => ({
      number: i + 1,
      title: `Case review: BEN-2026-${String(i).padStart(4, "0")}`,
      status: "discussed",
      discussion:
        "The prosecutor reported that the trial is at the stage of prosecution evidence; two witnesses remain to be examined and the victim is ready to depose.",
      decisions: "Prosecution to seek testimony in the victim protection room with a support person present.",
    })),
    actions: Array.from({ length: 150 }, (_, i) => ({
      department: `Department ${i % 9}`,
      description: "File the compensation application and report at the next meeting",
      due: "24/12/2026",
      caseCode: `BEN-2026-${String(i % 40).padStart(4, "0")}`,
    })),
    nextMeeting: "Thu, 14/01/2027, 11:00 am IST",
    amendments: [],
  };
  const text = [
    doc.collectiveName,
    doc.when,
    ...doc.attendance.present.map((p) => `${p.department} ${p.name} ${p.designation}`),
    ...doc.items.flatMap((i) => [i.title, i.discussion, i.decisions]),
    ...doc.actions.map((a) => `${a.department} ${a.description} ${a.caseCode} ${a.due}`),
  ];
  // Two baselines: raw pdfkit given the font file (it parses the font for every document, as pdfkit
  // does by default), and raw pdfkit given the font parsed once, as our layout does. The second is
  // the fair one: it compares layout with layout.
  const parsedOnce = fs.existsSync(notoSans) ? createFont(fs.readFileSync(notoSans)) : null;
  const raw = (font: string | Font | null) => () =>
    new Promise<Buffer>((resolve) => {
      const pdf = new PDFDocument({ size: "A4" });
      if (font) pdf.registerFont("body", font as string).font("body");
      const chunks: Buffer[] = [];
      pdf.on("data", (c: Buffer) => chunks.push(c));
      pdf.on("end", () => resolve(Buffer.concat(chunks)));
      for (const line of text) pdf.text(line);
      pdf.end();
    });
  const timeAsync = async (runs: number, fn: () => Promise<unknown>) => {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return { median: at(samples, Math.floor(runs / 2)), p95: at(samples, Math.min(runs - 1, Math.floor(runs * 0.95))) };
  };
  const cold = await timeAsync(10, raw(fs.existsSync(notoSans) ? notoSans : null));
  const warm = await timeAsync(10, raw(parsedOnce));
  const ours = await timeAsync(10, () => renderMinutesPdf(doc));
  console.log(`\nMinutes PDF, 40 items and 150 action items, 10 runs:`);
  console.log(`  raw pdfkit, same text, font file:   ${fmt(cold)}`);
  console.log(`  raw pdfkit, same text, font parsed: ${fmt(warm)}   (the fair baseline)`);
  console.log(
    `  our minutes layout:                 ${fmt(ours)}   target <= 250 ms and <= 1.5x baseline (${(ours.median / warm.median).toFixed(2)}x the fair one, ${(ours.median / cold.median).toFixed(2)}x the font-file one)`,
  );
}
