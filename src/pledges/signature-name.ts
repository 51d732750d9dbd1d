/**
 * Whether a typed signature names the person (DESIGN §2): compared without academic titles,
 * religious honorifics, case, punctuation or extra spaces — "dr. hendra  wijaya" names
 * "Dr. Hendra Wijaya, M.Pd.". Titles are taken off the ends only (before the name, and after it,
 * with or without a comma), so a given name that happens to look like a title is kept.
 */

/** Written before the name: academic and professional titles, and the honorifics Haji, Hajjah, Kiai Haji. Dots removed. */
const PREFIX_TITLES = new Set(['dr', 'drs', 'dra', 'drg', 'drh', 'ir', 'prof', 'h', 'hj', 'kh', 'ust', 'ustadz', 'ustazah', 'apt', 'ns', 'ners', 'bd']);

/** Written after the name: Indonesian degrees (diploma, S1, profession, S2, S3) and common foreign ones. Dots removed. */
const SUFFIX_TITLES = new Set([
  // Diploma
  'amd', 'amdkep', 'amdkeb', 'amdkes', 'amdpar', 'amdak',
  // Sarjana (S1) and profession
  'sa', 'sag', 'sak', 'sap', 'sb', 'sds', 'se', 'sei', 'sfarm', 'sfil', 'sgz', 'sh', 'shi', 'shum', 'shut', 'sikom', 'sip', 'sipol', 'skeb', 'sked',
  'skep', 'skg', 'skh', 'skm', 'skom', 'sn', 'spd', 'spdi', 'spdsd', 'spi', 'spsi', 'spt', 'ssi', 'ssn', 'ssos', 'sst', 'sstp', 'st', 'sth', 'sthi',
  'stp', 'str', 'ak', 'ca', 'cpa',
  // Magister (S2)
  'ma', 'mag', 'mak', 'map', 'mars', 'mba', 'mcom', 'mec', 'mecdev', 'med', 'mes', 'mfarm', 'mh', 'mhi', 'mhkes', 'mhum', 'mik', 'mikom', 'mip',
  'mkes', 'mkeb', 'mkep', 'mkn', 'mkom', 'mm', 'mmpd', 'mmr', 'mp', 'mpa', 'mpd', 'mpdi', 'mph', 'mpp', 'mpsi', 'msc', 'msi', 'msm', 'msn', 'msos',
  'mt', 'mtp',
  // Doctorates and medical specialists
  'phd', 'drph', 'spa', 'spb', 'spjp', 'spkj', 'spkk', 'spm', 'spn', 'spog', 'sppd', 'sprad', 'sps', 'sptht',
]);

/**
 * The name without its titles, lower-case, single-spaced: "Dr. H. Hendra Wijaya, M.Pd." →
 * "hendra wijaya". A title is recognised with or without its dots ("S.Pd", "SPd", "s.pd.").
 */
export function nameWithoutTitles(name: string): string {
  // "Hendra Wijaya, S.Pd., M.Pd.": whatever follows the first comma is degrees.
  const [beforeComma] = name.normalize('NFKC').split(',');
  const words = beforeComma
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((word) => word.length > 0);
  let start = 0;
  let end = words.length;
  // At least one word stays: a name is never compared as nothing.
  while (start < end - 1 && PREFIX_TITLES.has(words[start])) start += 1;
  while (end > start + 1 && SUFFIX_TITLES.has(words[end - 1])) end -= 1;
  return words.slice(start, end).join(' ');
}

/** Whether `typed` names the person called `fullName`, as the rule above reads. */
export function signatureNameMatches(typed: string, fullName: string): boolean {
  const signed = nameWithoutTitles(typed);
  return signed.length > 0 && signed === nameWithoutTitles(fullName);
}
