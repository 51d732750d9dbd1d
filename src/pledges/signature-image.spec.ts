import { PNG } from 'pngjs';
import { ValidationError } from '../common/errors.js';
import { MAX_SIGNATURE_BYTES, parseSignatureImage } from './signature-image.js';
import { sha256Hex } from './pledge-hash.js';

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(0x80);
  return PNG.sync.write(image);
}
const dataUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

function refusal(input: string): string {
  try {
    parseSignatureImage(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors![0].field + ': ' + (error as ValidationError).errors![0].message;
  }
  throw new Error('accepted');
}

describe('signature image', () => {
  it('accepts a PNG data URL and names it by its SHA-256', () => {
    const bytes = png(120, 40);
    expect(parseSignatureImage(dataUrl(bytes))).toEqual({ png: bytes, sha256: sha256Hex(bytes) });
  });

  it('refuses what is not a PNG, however it is labelled', () => {
    expect(refusal('data:image/jpeg;base64,/9j/4AAQ')).toMatch(/^signatureImage: must be a PNG data URL/);
    expect(refusal(dataUrl(Buffer.from('GIF89a this is not a png at all, really not')))).toMatch(/not a PNG/);
    const corrupt = png(50, 20);
    corrupt[corrupt.length - 20] ^= 0xff;
    expect(refusal(dataUrl(corrupt))).toMatch(/not a readable PNG/);
  });

  it('refuses an image over the size limit, or of absurd dimensions', () => {
    expect(refusal(`data:image/png;base64,${'A'.repeat(Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 100)}`)).toMatch(/at most 200 KB/);
    const huge = png(1, 1);
    huge.writeUInt32BE(100_000, 16);
    expect(refusal(dataUrl(huge))).toMatch(/pixels/);
  });
});
