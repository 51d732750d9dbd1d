/**
 * The one way this app makes a PDF: A4 pages, the document fonts embedded, "Halaman 1 dari 3"
 * at the foot of every page, and metadata that makes the same input give the same bytes.
 *
 * Documents are described with pdfmake's content nodes (text, columns, stacks, tables, images)
 * and the building blocks next to this file: `letterhead()` and `signatureBlock()` in
 * letterhead.ts, `qrCode()` in qr.ts, `table()` in table.ts. See letterhead-sample.ts for a
 * whole letter built from them.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { Piscina } from 'piscina';
import type { Content, Margins, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';

export type { Content } from 'pdfmake/interfaces.js';

/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
export const A4 = { width: 595.28, height: 841.89 } as const;

const CM = 72 / 2.54;
/**
 * Left, top, right, bottom. A wider left margin leaves room for the binder's holes, as official
 * letters have it; the bottom margin holds the page number.
 */
export const PAGE_MARGINS: [number, number, number, number] = [2.5 * CM, 1.5 * CM, 2 * CM, 2 * CM];

/** Width of the text column between the margins, for fixed-width blocks. */
export const CONTENT_WIDTH = A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/**
 * Tinos (SIL Open Font License) from the npm registry: metrically compatible with Times New
 * Roman, the typeface of most letters a Kesbangpol files. pdfmake embeds the subset it uses.
 */
export const FONT_FAMILY = 'Tinos';
const require = createRequire(import.meta.url);
const FONT_FILES = {
  normal: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italics: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  bolditalics: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};
const fontFiles = new Set(Object.values(FONT_FILES));

pdfmake.setFonts({ [FONT_FAMILY]: FONT_FILES });
// A document only ever holds what the app passes in (images as data URLs): pdfmake
// fetches no URL, and reads no file but the fonts above, whatever a content node names.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));

/** Named styles every document may use: `{ text: 'SURAT UNDANGAN', style: 'title' }`. */
export const STYLES: StyleDictionary = {
  title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 6, 0, 2] },
  subtitle: { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 10] },
  small: { fontSize: 9 },
  tableHeader: { bold: true, alignment: 'center', fillColor: '#eeeeee' },
};

/**
 * Named table layouts (`layout: 'ruled'`): a layout is made of functions, and naming it keeps
 * content plain data (see renderPdf).
 */
pdfmake.addTableLayouts({
  // Thin black rules around every cell, with room to write in (a daftar hadir is signed by hand).
  ruled: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
});

export interface PdfDocument {
  /** Shown by PDF readers and kept in the metadata: "Surat Undangan 005/1127/Kesbangpol". */
  title: string;
  /** Who issued it, usually the office's name ("Bakesbangpol Kota Batu"). */
  author: string;
  /**
   * The moment the document stands for (the letter's date, the report's cut-off), recorded as
   * its creation date. Passing it, rather than the clock, gives the same bytes for the same input.
   */
  createdAt: Date;
  content: Content;
  /** Landscape for wide tables (attendance sheets, reports); portrait otherwise. */
  orientation?: 'portrait' | 'landscape';
  margins?: Margins;
  /** Defaults to true: "Halaman 1 dari 3" on every page. */
  pageNumbers?: boolean;
}

/**
 * Renders a document to PDF bytes, in a worker thread. pdfmake lays a document out synchronously
 * (a 150-letter bundle or a report of 150 agencies takes seconds), and on the request thread that
 * would stop the process answering anyone else meanwhile (DESIGN invariant 7). The worker gets a
 * copy of the document, which is why content is plain data: strings, numbers, arrays, objects,
 * images as data URLs; named table layouts rather than functions.
 */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
  const bytes = (await renderers().run(document)) as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

let pool: Piscina | undefined;

/**
 * The PDF workers, started on the first document: one thread less than the machine has cores (at
 * least one), so that requests keep a core while documents are laid out; documents beyond that
 * wait their turn. An idle thread ends after a minute; the app's shutdown stops them all.
 */
function renderers(): Piscina {
  pool ??= new Piscina({ filename: workerFile(), maxThreads: Math.max(1, availableParallelism() - 1), idleTimeout: 60_000 });
  return pool;
}

/** Stops the PDF workers (the app's shutdown); the next document starts them again. */
export async function closePdfRenderers(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}

/**
 * The worker runs compiled JavaScript: `dist/documents/pdf-worker.js` next to this file in the
 * build. The test suite imports the TypeScript sources, whose folder holds no .js worker; it uses
 * the build's (`npm test` builds first).
 */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./pdf-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/documents/pdf-worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`The PDF worker ${beside} is missing: run npm run build`);
}

/**
 * Lays a document out on the calling thread: what the PDF worker runs (pdf-worker.ts). pdfmake
 * writes its layout into the content nodes it is given, so the document is used up: the worker
 * receives a copy of its own (a block built once, a letterhead or a QR code, stays untouched in
 * the caller); elsewhere, pass a `structuredClone`.
 */
export async function layoutPdf(document: PdfDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: document.orientation ?? 'portrait',
    pageMargins: document.margins ?? PAGE_MARGINS,
    info: {
      title: document.title,
      author: document.author,
      creator: 'Netralitas',
      producer: 'Netralitas',
      creationDate: document.createdAt,
      modDate: document.createdAt,
    },
    language: 'id-ID',
    defaultStyle: { font: FONT_FAMILY, fontSize: 12, lineHeight: 1.15 },
    styles: STYLES,
    footer: document.pageNumbers === false ? undefined : pageNumberFooter,
    content: document.content,
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** "Halaman 2 dari 3", right-aligned in the bottom margin. */
function pageNumberFooter(currentPage: number, pageCount: number): Content {
  return { text: `Halaman ${currentPage} dari ${pageCount}`, fontSize: 9, alignment: 'right', margin: [PAGE_MARGINS[0], 0.6 * CM, PAGE_MARGINS[2], 0] };
}
