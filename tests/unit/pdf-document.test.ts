import { describe, expect, it } from "vitest";
import { renderAgendaPdf } from "#templates/pdf/agenda";
import { buffer } from "node:stream/consumers";
import { footerText, renderPdf, scriptRuns, streamPdf, type PdfWriter } from "#templates/pdf/document";
import type { AgendaDocument } from "#templates/pdf/agenda";
import { pdfText } from "../support/pdf";

describe("script runs", () => {
  it("splits Latin and Devanagari, keeping spaces with their run", () => {
    expect(scriptRuns("Meeting बैठक 37")).toEqual([
      { script: "latin", text: "Meeting " },
      { script: "deva", text: "बैठक " },
      { script: "latin", text: "37" },
    ]);
  });
});

describe("PDF layout", () => {
  it("streams the same pages as it renders, each numbered of the whole and with its footer", async () => {
    const draw = (p: PdfWriter) => {
      p.title("Streamed बैठक");
      p.write("A paragraph in the body colour.");
      p.table(
        [
          { header: "Item", width: 2 },
          { header: "Owner", width: 3 },
        ],
        Array.from({ length: 150 }, (_, i) => [`Row ${i + 1}`, `पोलीस ${i % 9}`]),
      );
      p.muted("After the table.");
    };
    const streamed = pdfText(await buffer(streamPdf("Streamed", draw)));
    const rendered = pdfText(await renderPdf("Streamed", draw));
    const pages = streamed.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(streamed).toBe(rendered);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain("Confidential");
    });
    expect(streamed).toContain("Row 150");
    expect(streamed).toContain("After the table.");
  });

  it("numbers pages, repeats the footer and carries a long table across pages", async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`Row ${i + 1}`, `Department ${i % 9}`, `Due ${i + 1}/12/2026`]);
    const pdf = await renderPdf("Layout test", (p) => {
      p.title("Layout test बैठक");
      p.heading("A table");
      p.table(
        [
          { header: "Item", width: 2 },
          { header: "Owner", width: 3 },
          { header: "Due", width: 2 },
        ],
        rows,
      );
    });
    const text = pdfText(pdf);
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain("Layout test");
    expect(text).toContain("Row 1 ");
    expect(text).toContain("Row 80");
    expect(pages[1]).toContain("Item");
    expect(text).toContain(`Page 1 of ${pages.length}`);
    expect(pages.every((p) => p.includes("Confidential"))).toBe(true);
    expect(footerText).toMatch(/code only/);
    expect(pdf.toString("latin1")).toContain("NotoSansDevanagari");
  });
});

describe("agenda PDF", () => {
  const doc: AgendaDocument = {
    collectiveName: "Demo District",
    district: "Demo District",
    state: "Maharashtra",
    meetingNumber: 7,
    when: "Thu, 10/12/2026, 11:00 am IST",
    durationMinutes: 120,
    venue: "Collector's Office, Conference Hall 2",
    onlineLink: "https://meet.example.org/demo",
    items: [
      {
        startTime: "11:00",
        title: "Confirmation of the previous meeting's minutes",
        minutes: 5,
        reasons: [],
        presentingDepartment: null,
      },
      {
        startTime: "11:05",
        title: "Case review: DEM-2026-0011",
        minutes: 8,
        reasons: ["Victim testimony on 14/12/2026, 4 days after this meeting"],
        presentingDepartment: "Public Prosecutor's Office",
      },
    ],
    writtenUpdates: [
      { title: "Case review: DEM-2025-0003", reasons: ["Not reviewed for 3 meetings"], presentingDepartment: "Police" },
    ],
    endTime: "11:13",
  };

  it("shows the meeting, the items with times and reasons, and the written updates", async () => {
    const text = pdfText(await renderAgendaPdf(doc, { draft: false }));
    for (const expected of [
      "Agenda: Meeting 7",
      "10/12/2026, 11:00 am IST",
      "Conference Hall 2",
      "11:05",
      "DEM-2026-0011",
      "Victim testimony on 14/12/2026",
      "presented by Public Prosecutor's Office",
      "For written update",
      "DEM-2025-0003",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("DRAFT");
  });

  it("marks an unpublished agenda as a draft", async () => {
    expect(pdfText(await renderAgendaPdf(doc, { draft: true }))).toContain("DRAFT");
  });
});
