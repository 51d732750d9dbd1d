import { invitationMessage, invitationSchedule, whatsappUrl } from './invitation-message.js';

const batu = {
  title: 'Sosialisasi Netralitas ASN dan Anti Radikalisme',
  organizer: 'Bakesbangpol Kota Batu',
  venueName: 'GOR Gajah Mada',
  venueAddress: 'Kecamatan Batu, Kota Batu',
  startsAt: new Date('2024-10-29T06:00:00Z'),
  endsAt: new Date('2024-10-29T09:00:00Z'),
  timezone: 'Asia/Jakarta' as const,
};

describe('invitation message', () => {
  it('gives the day, the time and the zone of the region', () => {
    expect(invitationSchedule(batu)).toEqual({ date: 'Selasa, 29 Oktober 2024', time: '13.00–16.00 WIB', venue: 'GOR Gajah Mada, Kecamatan Batu, Kota Batu' });
    // The same instants read in Balikpapan (WITA) and Jayapura (WIT).
    expect(invitationSchedule({ ...batu, timezone: 'Asia/Makassar' }).time).toBe('14.00–17.00 WITA');
    expect(invitationSchedule({ ...batu, timezone: 'Asia/Jayapura' }).time).toBe('15.00–18.00 WIT');
  });

  it('takes the local date, not the UTC one: 07.30 WIT on a Friday is still Thursday in UTC', () => {
    const early = { ...batu, timezone: 'Asia/Jayapura' as const, startsAt: new Date('2024-11-07T22:30:00Z'), endsAt: new Date('2024-11-08T01:00:00Z') };
    expect(invitationSchedule(early)).toMatchObject({ date: 'Jumat, 8 November 2024', time: '07.30–10.00 WIT' });
  });

  it('writes an event over several days with both ends in full', () => {
    const twoDays = { ...batu, venueAddress: null, endsAt: new Date('2024-10-30T05:00:00Z') };
    expect(invitationSchedule(twoDays)).toEqual({ date: 'Selasa, 29 Oktober 2024, 13.00 WIB – Rabu, 30 Oktober 2024, 12.00 WIB', time: null, venue: 'GOR Gajah Mada' });
    expect(invitationMessage({ addresseeTitle: 'Camat Batu', agencyName: 'Kecamatan Batu', seats: 2, rsvpUrl: 'https://x.test/r', event: twoDays })).not.toContain('Pukul');
  });

  it('reads as a letter and survives the trip through a wa.me link', () => {
    const message = invitationMessage({ addresseeTitle: 'Kapolres Batu', agencyName: 'Polres Batu', seats: 3, rsvpUrl: 'https://netralitas.batukota.go.id/api/v1/rsvp/abc_-123', event: batu });
    expect(message).toBe(
      [
        'Yth. Kapolres Batu',
        'Polres Batu',
        '',
        'Dengan hormat, kami mengundang Bapak/Ibu untuk menghadiri:',
        '*Sosialisasi Netralitas ASN dan Anti Radikalisme*',
        'Hari/tanggal: Selasa, 29 Oktober 2024',
        'Pukul: 13.00–16.00 WIB',
        'Tempat: GOR Gajah Mada, Kecamatan Batu, Kota Batu',
        'Jumlah peserta: 3 orang',
        '',
        'Mohon konfirmasi kehadiran dan nama peserta (atau wakil yang ditugaskan) melalui tautan berikut:',
        'https://netralitas.batukota.go.id/api/v1/rsvp/abc_-123',
        '',
        'Bakesbangpol Kota Batu',
      ].join('\n'),
    );
    const url = new URL(whatsappUrl(message));
    expect(url.host).toBe('wa.me');
    expect(url.searchParams.get('text')).toBe(message);
  });
});
