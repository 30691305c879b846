// fontkit is the font engine pdfkit is built on, and ships no types. pdfkit (0.20 and later) takes
// a parsed fontkit font wherever it takes a font file, which lets a process parse each font once.
declare module "fontkit" {
  export interface Font {
    readonly postscriptName: string;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

declare namespace PDFKit.Mixins {
  interface PDFFont {
    registerFont(name: string, src: import("fontkit").Font): this;
  }
}
