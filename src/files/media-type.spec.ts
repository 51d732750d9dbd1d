import { SNIFF_BYTES, sniffMediaType } from './media-type.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('sniffMediaType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46))).toBe('image/jpeg');
  });

  it('refuses everything else, whatever it is called', () => {
    // A Windows executable ("MZ"), a ZIP (also .docx), HTML, an empty file.
    expect(sniffMediaType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
    expect(sniffMediaType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00))).toBeNull();
    expect(sniffMediaType(Buffer.from('<html><body>%PDF-</body></html>'))).toBeNull();
    expect(sniffMediaType(bytes())).toBeNull();
  });

  it('needs the whole signature: a truncated PNG header is not a PNG', () => {
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(SNIFF_BYTES).toBe(8);
  });
});
