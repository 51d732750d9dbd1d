import { terbilang } from './terbilang.js';

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [5, 'lima'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1005, 'seribu lima'],
    [2024, 'dua ribu dua puluh empat'],
    [100_000, 'seratus ribu'],
    [1_500_000, 'satu juta lima ratus ribu'],
  ])('%i → %s', (value, expected) => {
    expect(terbilang(value)).toBe(expected);
  });

  it('refuses what is not a whole number in range', () => {
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
  });
});
