import type { StoredMediaType } from './stored-file.entity.js';

/**
 * What an upload is, read from its first bytes: never from its name or the Content-Type the
 * client declared, both of which a renamed executable carries just as well. Three signatures are
 * all the store accepts, so they are spelled out here rather than pulled from a detection library
 * that knows hundreds (and, in its current major version, wants Node 22).
 */
const SIGNATURES: ReadonlyArray<{ mediaType: StoredMediaType; bytes: readonly number[] }> = [
  // "%PDF-": a PDF that is not a PDF from its first byte is not accepted either.
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // SOI marker followed by the start of the next marker.
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** How many leading bytes `sniffMediaType` needs to decide. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((signature) => signature.bytes.length));

/** The accepted media type these leading bytes start, or null (too short, or anything else). */
export function sniffMediaType(head: Uint8Array): StoredMediaType | null {
  const match = SIGNATURES.find(({ bytes }) => head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte));
  return match?.mediaType ?? null;
}

/** The usual extension of a stored media type, for download names. */
export function extensionOf(mediaType: StoredMediaType): string {
  return { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[mediaType];
}
