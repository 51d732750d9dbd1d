/**
 * The PDF worker thread (see renderPdf in pdf.ts): lays out one document — its own copy, made by
 * the message that brought it — and moves the bytes back to the caller without copying them.
 */
import { Piscina } from 'piscina';
import { layoutPdf, type PdfDocument } from './pdf.js';

export default async function render(document: PdfDocument): Promise<unknown> {
  const bytes = await layoutPdf(document);
  // Only a buffer that owns its whole memory may be moved (a small one may share Node's pool).
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
  return Piscina.move(new Uint8Array(owned.buffer, 0, owned.byteLength));
}
