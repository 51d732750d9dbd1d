/**
 * Reading a PDF the way a person does: its text, its pages (count and size), a page rendered
 * to PNG (kept under test-artifacts/documents/ to look at), the QR codes printed on it, and
 * whether its fonts are embedded (it prints the same on any machine).
 *
 *   const pdf = await readPdf(bytes);
 *   expect(pdf.text).toContain('PEMERINTAH KOTA BATU');
 *   const page = await renderPdfPage(bytes, 1, 'invitation-letter');
 *   expect(decodeQrCodes(page.png)).toEqual([rsvpUrl]);
 */
import { writeFileSync } from 'node:fs';
import jsQRModule from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { artifactPath } from './artifacts.js';
import type { Response } from 'supertest';

// jsqr's typings describe an ES module; it is CommonJS, whose exports carry `default` as well.
const jsQR = jsQRModule.default;

/** A4 in PDF points, and how far a page may be off (pdfmake writes 595.28 × 841.89). */
export const A4_POINTS = { width: 595.28, height: 841.89, tolerance: 0.5 };

export interface PdfReading {
  /** The text of every page, in order. */
  text: string;
  pages: Array<{ number: number; text: string; width: number; height: number }>;
  /** Title, Author, Creator, CreationDate…, as PDF.js reads the Info dictionary. */
  info: Record<string, unknown>;
}

export async function readPdf(pdf: Buffer): Promise<PdfReading> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    return {
      text: text.pages.map((page) => page.text).join('\n'),
      pages: text.pages.map((page) => {
        const size = info.pages.find((p) => p.pageNumber === page.num);
        return { number: page.num, text: page.text, width: size?.width ?? NaN, height: size?.height ?? NaN };
      }),
      info: (info.info ?? {}) as Record<string, unknown>,
    };
  } finally {
    await parser.destroy();
  }
}

/** Whether a page measures A4 (portrait or landscape). */
export function isA4(page: { width: number; height: number }): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= A4_POINTS.tolerance;
  return (near(page.width, A4_POINTS.width) && near(page.height, A4_POINTS.height)) || (near(page.width, A4_POINTS.height) && near(page.height, A4_POINTS.width));
}

export interface RenderedPage {
  png: Buffer;
  /** Where the PNG was saved: test-artifacts/documents/<name>-p<page>.png */
  path: string;
  /** In pixels. */
  width: number;
  height: number;
}

/**
 * Renders one page (numbered from 1) at 2× (144 dpi: small print and QR modules stay sharp)
 * and saves it as test-artifacts/documents/<name>-p<page>.png.
 */
export async function renderPdfPage(pdf: Buffer, pageNumber: number, name: string, scale = 2): Promise<RenderedPage> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getScreenshot({ partial: [pageNumber], scale, imageDataUrl: false, imageBuffer: true });
    const [page] = result.pages;
    if (!page) throw new Error(`The PDF has no page ${pageNumber}`);
    const png = Buffer.from(page.data);
    const path = artifactPath('documents', `${name}-p${pageNumber}.png`);
    writeFileSync(path, png);
    // The PNG header holds the pixel size: width at byte 16, height at byte 20.
    return { png, path, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  } finally {
    await parser.destroy();
  }
}

/**
 * The text of every QR code in a PNG, top to bottom as found. jsQR reads one code at a time, so
 * each code found is painted over in white and the image read again.
 */
export function decodeQrCodes(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  const found: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const code = jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' });
    if (!code) break;
    found.push(code.data);
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
    const corners = [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner];
    const margin = 8;
    const left = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.x))) - margin);
    const right = Math.min(image.width - 1, Math.ceil(Math.max(...corners.map((c) => c.x))) + margin);
    const top = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.y))) - margin);
    const bottom = Math.min(image.height - 1, Math.ceil(Math.max(...corners.map((c) => c.y))) + margin);
    for (let y = top; y <= bottom; y += 1) pixels.fill(255, (y * image.width + left) * 4, (y * image.width + right + 1) * 4);
  }
  return found;
}

export interface PdfFont {
  /** As the font dictionary names it: `ABCDEF+Tinos-Bold` for an embedded subset. */
  name: string;
  subtype: string;
  /** Its descriptor points at a font file (FontFile, FontFile2 or FontFile3). */
  embedded: boolean;
}

/**
 * The fonts the PDF uses, from its font dictionaries. Reads the objects as pdfkit (under
 * pdfmake) writes them: plain dictionaries, compressed streams, no object streams.
 * Composite (Type0) fonts are listed through their descendant, which carries the descriptor.
 */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const objects = new Map<string, string>();
  for (const match of pdf.toString('latin1').matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    objects.set(match[1], match[2].split(/\bstream\b/)[0]);
  }
  const fonts: PdfFont[] = [];
  for (const dictionary of objects.values()) {
    if (!/\/Type\s*\/Font\b/.test(dictionary)) continue;
    const subtype = /\/Subtype\s*\/(\w+)/.exec(dictionary)?.[1] ?? '';
    if (subtype === 'Type0') continue;
    const descriptorRef = /\/FontDescriptor\s+(\d+)\s+0\s+R/.exec(dictionary)?.[1];
    const descriptor = descriptorRef ? (objects.get(descriptorRef) ?? '') : '';
    fonts.push({
      name: /\/BaseFont\s*\/([^\s/<>[\]]+)/.exec(dictionary)?.[1] ?? '',
      subtype,
      embedded: /\/FontFile[23]?\s+\d+\s+0\s+R/.test(descriptor),
    });
  }
  return fonts;
}

/** A supertest parser that keeps a body as bytes (a PDF, a spreadsheet, a CSV with its BOM): `.buffer(true).parse(asBytes)`. */
export function asBytes(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
