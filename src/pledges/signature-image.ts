import { PNG } from 'pngjs';
import { ValidationError } from '../common/errors.js';
import { sha256Hex } from './pledge-hash.js';

/** A drawn signature is a small picture: 200 KB of PNG is far more than a canvas stroke needs. */
export const MAX_SIGNATURE_BYTES = 200 * 1024;
/** Beyond any phone's canvas; keeps a tiny, highly compressed file from decoding into a huge bitmap. */
export const MAX_SIGNATURE_SIDE = 4096;

const DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface SignaturePng {
  png: Buffer;
  sha256: string;
}

/**
 * A drawn signature as sent (`data:image/png;base64,…`), checked to be what it says: within
 * MAX_SIGNATURE_BYTES, starting with the PNG signature and an IHDR of sane size, and decoding
 * as a whole (every chunk's CRC, the image data). Anything else is a 400 naming `signatureImage`.
 */
export function parseSignatureImage(dataUrl: string, field = 'signatureImage'): SignaturePng {
  const refuse = (message: string) => ValidationError.field(field, message);
  const match = DATA_URL.exec(dataUrl);
  if (!match) throw refuse('must be a PNG data URL (data:image/png;base64,…)');
  // Base64 is 4 characters for 3 bytes: refuse an oversized image before decoding it.
  if ((match[1].length * 3) / 4 > MAX_SIGNATURE_BYTES + 3) throw refuse(`must be at most ${MAX_SIGNATURE_BYTES / 1024} KB`);
  const png = Buffer.from(match[1], 'base64');
  if (png.length > MAX_SIGNATURE_BYTES) throw refuse(`must be at most ${MAX_SIGNATURE_BYTES / 1024} KB`);
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') throw refuse('is not a PNG image');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width === 0 || height === 0 || width > MAX_SIGNATURE_SIDE || height > MAX_SIGNATURE_SIDE) {
    throw refuse(`must be between 1×1 and ${MAX_SIGNATURE_SIDE}×${MAX_SIGNATURE_SIDE} pixels`);
  }
  try {
    PNG.sync.read(png);
  } catch {
    throw refuse('is not a readable PNG image');
  }
  return { png, sha256: sha256Hex(png) };
}
