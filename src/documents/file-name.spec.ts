import { fileSlug } from './file-name.js';

describe('fileSlug', () => {
  it('keeps ASCII letters and digits, one dash between words', () => {
    expect(fileSlug('Sosialisasi Netralitas ASN — Pilkada 2024!', 'x')).toBe('sosialisasi-netralitas-asn-pilkada-2024');
  });

  it('keeps the letter of an accented one', () => {
    expect(fileSlug('Rapat Koordinasi Désa Tulungrejo', 'x')).toBe('rapat-koordinasi-desa-tulungrejo');
  });

  it('cuts at the length given, without a dash at the end', () => {
    expect(fileSlug('Dinas Pendidikan Kota Batu', 'x', 9)).toBe('dinas-pen');
    expect(fileSlug('Dinas Pendidikan Kota Batu', 'x', 17)).toBe('dinas-pendidikan');
  });

  it('gives the fallback when nothing is left', () => {
    expect(fileSlug('— ✓ —', 'acara')).toBe('acara');
  });
});
