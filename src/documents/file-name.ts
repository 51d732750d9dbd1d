/**
 * A part of a download's file name that every browser and file system keeps as it is: ASCII
 * lower-case letters, digits and single dashes ("Dinas Pendidikan Kota Batu" →
 * "dinas-pendidikan-kota-batu"; accents keep their letter), at most `max` characters, and
 * `fallback` when nothing is left.
 */
export function fileSlug(text: string, fallback: string, max = 60): string {
  const ascii = text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '') || fallback;
}
