/**
 * The one way this app makes a PDF: A4 pages, the document fonts embedded, "Halaman 1 dari 3"
 * at the foot of every page, and metadata that makes the same input give the same bytes.
 *
 * Documents are described with pdfmake's content nodes (text, columns, stacks, tables, images)
 * and the building blocks next to this file: `letterhead()` and `signatureBlock()` in
 * letterhead.ts, `qrCode()` in qr.ts, `table()` in table.ts. See letterhead-sample.ts for a
 * whole letter built from them.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
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
// A document only ever holds what the app passes in (images as buffers or data URLs): pdfmake
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
 * Renders a document to PDF bytes. pdfmake writes its layout into the content nodes it is given
 * (and an image it has seen becomes a reference valid in that document only), so it gets a copy:
 * a block built once (a letterhead, a QR code) can go into any number of documents. Content is
 * therefore plain data: strings, numbers, arrays, objects, data URLs; named table layouts rather
 * than functions.
 */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
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
    content: structuredClone(document.content),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** "Halaman 2 dari 3", right-aligned in the bottom margin. */
function pageNumberFooter(currentPage: number, pageCount: number): Content {
  return { text: `Halaman ${currentPage} dari ${pageCount}`, fontSize: 9, alignment: 'right', margin: [PAGE_MARGINS[0], 0.6 * CM, PAGE_MARGINS[2], 0] };
}
