import { nameWithoutTitles, signatureNameMatches } from './signature-name.js';

describe('signature name', () => {
  it('matches the name without academic titles, case or extra spaces', () => {
    expect(signatureNameMatches('dr. hendra  wijaya', 'Dr. Hendra Wijaya, M.Pd.')).toBe(true);
    expect(signatureNameMatches('Hendra Wijaya', 'Dr. Hendra Wijaya, M.Pd.')).toBe(true);
    expect(signatureNameMatches('  HENDRA WIJAYA  ', 'Dr. Hendra Wijaya, M.Pd.')).toBe(true);
    expect(signatureNameMatches('Drs. H. Ahmad Fauzi', 'Drs. H. Ahmad Fauzi, M.Si.')).toBe(true);
    expect(signatureNameMatches('ahmad fauzi', 'Drs. H. Ahmad Fauzi, M.Si.')).toBe(true);
    expect(signatureNameMatches('Siti Aminah', 'Hj. Siti Aminah, S.Pd., M.M.')).toBe(true);
    expect(signatureNameMatches('Bambang Sutrisno', 'Prof. Dr. Ir. Bambang Sutrisno, M.T., Ph.D.')).toBe(true);
    // Degrees written without a comma, with or without dots.
    expect(signatureNameMatches('Rina Wulandari', 'Rina Wulandari S.Kom M.Kom')).toBe(true);
    expect(signatureNameMatches('Rina Wulandari SKom', 'Rina Wulandari, S.Kom.')).toBe(true);
  });

  it('refuses another name, a part of the name, or nothing', () => {
    expect(signatureNameMatches('Hendra Wijayanto', 'Dr. Hendra Wijaya, M.Pd.')).toBe(false);
    expect(signatureNameMatches('Hendra', 'Dr. Hendra Wijaya, M.Pd.')).toBe(false);
    expect(signatureNameMatches('Wijaya Hendra', 'Dr. Hendra Wijaya, M.Pd.')).toBe(false);
    expect(signatureNameMatches('', 'Dr. Hendra Wijaya, M.Pd.')).toBe(false);
    expect(signatureNameMatches('dr.', 'Dr. Hendra Wijaya, M.Pd.')).toBe(false);
  });

  it('takes titles off the ends only, so a given name that looks like a title stays', () => {
    // "Se" and "Ma" are titles at the end, names in the middle.
    expect(nameWithoutTitles('Nyoman Se Putra')).toBe('nyoman se putra');
    expect(nameWithoutTitles('Dr. Hendra Wijaya, M.Pd.')).toBe('hendra wijaya');
    // A one-word name is never taken away.
    expect(nameWithoutTitles('Drs.')).toBe('drs');
    expect(nameWithoutTitles('Sukarno')).toBe('sukarno');
  });
});
