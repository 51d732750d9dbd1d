/**
 * Numbers in Indonesian words, as letters write them after the figure: "sebanyak 5 (lima) orang".
 * Whole numbers from 0 to 999,999,999 (a letter never counts more people than that).
 */
const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

export function terbilang(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 999_999_999) throw new RangeError(`terbilang: ${value} is not a whole number from 0 to 999999999`);
  return words(value) || UNITS[0];
}

/** The words of `n`, empty for 0 (so "seratus" + "" reads "seratus", not "seratus nol"). */
function words(n: number): string {
  if (n === 0) return '';
  if (n < 12) return UNITS[n];
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) return join(`${UNITS[Math.floor(n / 10)]} puluh`, words(n % 10));
  if (n < 200) return join('seratus', words(n - 100));
  if (n < 1000) return join(`${UNITS[Math.floor(n / 100)]} ratus`, words(n % 100));
  if (n < 2000) return join('seribu', words(n - 1000));
  if (n < 1_000_000) return join(`${words(Math.floor(n / 1000))} ribu`, words(n % 1000));
  return join(`${words(Math.floor(n / 1_000_000))} juta`, words(n % 1_000_000));
}

function join(head: string, tail: string): string {
  return tail ? `${head} ${tail}` : head;
}
