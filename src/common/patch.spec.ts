import { changedFields, hasChanges } from './patch.js';

describe('changedFields', () => {
  const stored = {
    name: 'Dinas Pendidikan',
    shortName: null as string | null,
    startsAt: new Date('2024-10-29T06:00:00Z'),
    topics: ['NETRALITAS_ASN', 'ANTI_RADIKALISME'],
    headcount: { pns: 10, pppk: 2, nonAsn: 3 },
  };

  it('keeps only the given fields whose value differs', () => {
    expect(changedFields(stored, {})).toEqual({});
    expect(
      changedFields(stored, {
        name: 'Dinas Pendidikan',
        shortName: null,
        startsAt: new Date('2024-10-29T13:00:00+07:00'),
        topics: ['NETRALITAS_ASN', 'ANTI_RADIKALISME'],
        headcount: { nonAsn: 3, pppk: 2, pns: 10 },
      }),
    ).toEqual({});
    expect(changedFields(stored, { name: undefined, shortName: 'Disdik', topics: ['ANTI_RADIKALISME', 'NETRALITAS_ASN'], headcount: { pns: 10, pppk: 2, nonAsn: 4 } })).toEqual({
      shortName: 'Disdik',
      topics: ['ANTI_RADIKALISME', 'NETRALITAS_ASN'],
      headcount: { pns: 10, pppk: 2, nonAsn: 4 },
    });
    expect(changedFields(stored, { name: 'dinas pendidikan', startsAt: new Date('2024-10-29T06:00:01Z') })).toEqual({ name: 'dinas pendidikan', startsAt: new Date('2024-10-29T06:00:01Z') });
  });

  it('tells a clearing null from an absent field', () => {
    expect(changedFields({ ...stored, shortName: 'Disdik' as string | null }, { shortName: null })).toEqual({ shortName: null });
    expect(hasChanges({})).toBe(false);
    expect(hasChanges({ shortName: null })).toBe(true);
  });
});
