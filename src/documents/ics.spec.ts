import ICAL from 'ical.js';
import { buildCalendarFeed, buildEventCalendar, eventUid, foldContentLines, type CalendarEvent, type CalendarEventStatus } from './ics.js';

// ical.js keeps X- properties raw; read X-WR-CALNAME as TEXT, the way calendar clients do.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

const sosialisasi: CalendarEvent = {
  id: '0b6f3c1e-7d4a-4f7e-9a51-2f1f4c8e9d10',
  title: 'Sosialisasi Netralitas ASN; Pilkada Serentak 2024, Kota Batu',
  description: 'Materi: netralitas ASN, media sosial, politik uang.\nMohon hadir tepat waktu.',
  venueName: 'Balai Kota Among Tani, Ruang Rapat Utama',
  venueAddress: 'Jl. Panglima Sudirman No. 507; Kota Batu',
  startsAt: new Date('2024-10-29T06:00:00Z'),
  endsAt: new Date('2024-10-29T09:00:00Z'),
  timezone: 'Asia/Jakarta',
  status: 'SCHEDULED',
  organizer: 'Bakesbangpol Kota Batu',
};

function parseCalendar(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function eventsOf(ics: string): ICAL.Event[] {
  return parseCalendar(ics)
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component));
}

function onlyEventOf(ics: string): ICAL.Event {
  const events = eventsOf(ics);
  expect(events).toHaveLength(1);
  return events[0];
}

describe('buildEventCalendar', () => {
  it('writes the exact start and end instants', () => {
    const event = onlyEventOf(buildEventCalendar(sosialisasi));
    expect(event.startDate.toJSDate()).toEqual(sosialisasi.startsAt);
    expect(event.endDate.toJSDate()).toEqual(sosialisasi.endsAt);
  });

  it('keeps seconds', () => {
    const startsAt = new Date('2024-10-29T06:00:30Z');
    const event = onlyEventOf(buildEventCalendar({ ...sosialisasi, startsAt }));
    expect(event.startDate.toJSDate()).toEqual(startsAt);
  });

  it('writes times that do not depend on the zone database of the client', () => {
    const ics = buildEventCalendar(sosialisasi);
    expect(ics).toContain('\r\nDTSTART:20241029T060000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20241029T090000Z\r\n');
  });

  it('round-trips title, place and description through escaping and folding', () => {
    const event = onlyEventOf(buildEventCalendar(sosialisasi));
    expect(event.summary).toBe(sosialisasi.title);
    expect(event.location).toBe(
      'Balai Kota Among Tani, Ruang Rapat Utama, Jl. Panglima Sudirman No. 507; Kota Batu',
    );
    expect(event.description).toContain(sosialisasi.description);
  });

  it('round-trips long Indonesian text with backslashes and non-ASCII characters', () => {
    const title =
      'Rapat Koordinasi Pengawasan Partisipatif — "Jaga Netralitas" \\ Kecamatan Pujon, Ngantang & Kasembon; Tahun Anggaran 2024 (Tahap Ⅱ) – Ikrar Netralitas';
    const event = onlyEventOf(buildEventCalendar({ ...sosialisasi, title }));
    expect(event.summary).toBe(title);
  });

  it('spells out the local time and the organizer in the description', () => {
    const event = onlyEventOf(buildEventCalendar(sosialisasi));
    expect(event.description).toContain('Waktu: Selasa, 29 Oktober 2024, 13.00–16.00 WIB');
    expect(event.description).toContain('Penyelenggara: Bakesbangpol Kota Batu');
  });

  it('writes the local time of a WITA region, with the same UTC instants', () => {
    const balikpapan = { ...sosialisasi, timezone: 'Asia/Makassar' as const };
    const ics = buildEventCalendar(balikpapan);
    const event = onlyEventOf(ics);
    expect(event.startDate.toJSDate()).toEqual(sosialisasi.startsAt);
    expect(event.description).toContain('Waktu: Selasa, 29 Oktober 2024, 14.00–17.00 WITA');
  });

  it('leaves out what the event does not have', () => {
    const bare: CalendarEvent = {
      id: 'e1',
      title: 'Apel Ikrar Netralitas',
      startsAt: sosialisasi.startsAt,
      endsAt: sosialisasi.endsAt,
      timezone: 'Asia/Jayapura',
      status: 'SCHEDULED',
    };
    const ics = buildEventCalendar(bare);
    expect(ics).not.toMatch(/^(LOCATION|ORGANIZER|URL|SEQUENCE|LAST-MODIFIED)[:;]/m);
    expect(onlyEventOf(ics).description).toBe('Waktu: Selasa, 29 Oktober 2024, 15.00–18.00 WIT');
  });

  it.each([
    ['DRAFT', 'TENTATIVE'],
    ['SCHEDULED', 'CONFIRMED'],
    ['COMPLETED', 'CONFIRMED'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('announces a %s event as %s', (status: CalendarEventStatus, icsStatus) => {
    const event = onlyEventOf(buildEventCalendar({ ...sosialisasi, status }));
    expect(event.component.getFirstPropertyValue('status')).toBe(icsStatus);
  });

  it('gives an event the same UID every time, and different events different UIDs', () => {
    const first = onlyEventOf(buildEventCalendar(sosialisasi));
    const again = onlyEventOf(buildEventCalendar({ ...sosialisasi, title: 'Diubah', status: 'CANCELLED' }));
    const other = onlyEventOf(buildEventCalendar({ ...sosialisasi, id: 'another-event' }));
    expect(first.uid).toBe(`${sosialisasi.id}@netralitas`);
    expect(first.uid).toBe(eventUid(sosialisasi.id));
    expect(again.uid).toBe(first.uid);
    expect(other.uid).not.toBe(first.uid);
  });

  it('writes the revision fields clients use to apply an update', () => {
    const updatedAt = new Date('2024-10-20T03:04:05Z');
    const event = onlyEventOf(
      buildEventCalendar({ ...sosialisasi, sequence: 2, updatedAt, url: 'https://netralitas.example.id/events/1' }),
    );
    expect(event.sequence).toBe(2);
    expect((event.component.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate()).toEqual(updatedAt);
    expect(event.component.getFirstPropertyValue('url')).toBe('https://netralitas.example.id/events/1');
  });

  it('names the calendar after the event unless told otherwise', () => {
    expect(parseCalendar(buildEventCalendar(sosialisasi)).getFirstPropertyValue('x-wr-calname')).toBe(sosialisasi.title);
    expect(parseCalendar(buildEventCalendar(sosialisasi, 'Undangan')).getFirstPropertyValue('x-wr-calname')).toBe('Undangan');
  });
});

describe('buildCalendarFeed', () => {
  const batu = { name: 'Kegiatan Bakesbangpol Kota Batu, Jawa Timur', timezone: 'Asia/Jakarta' } as const;

  it('is a valid, named calendar with the region time zone when there are no events', () => {
    const calendar = parseCalendar(buildCalendarFeed([], batu));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Netralitas//Sosialisasi Netralitas ASN//ID');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(batu.name);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Jakarta');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it.each([
    ['Asia/Jakarta', '+07:00', 'WIB'],
    ['Asia/Pontianak', '+07:00', 'WIB'],
    ['Asia/Makassar', '+08:00', 'WITA'],
    ['Asia/Jayapura', '+09:00', 'WIT'],
  ] as const)('defines %s as UTC%s (%s)', (timezone, offset, abbreviation) => {
    const calendar = parseCalendar(buildCalendarFeed([], { name: 'x', timezone }));
    const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
    const standard = vtimezone.getFirstSubcomponent('standard')!;
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe(timezone);
    expect((standard.getFirstPropertyValue('tzoffsetto') as ICAL.UtcOffset).toString()).toBe(offset);
    expect(standard.getFirstPropertyValue('tzname')).toBe(abbreviation);
    // The definition works: ical.js converts with it.
    const zone = new ICAL.Timezone(vtimezone);
    const local = ICAL.Time.fromJSDate(sosialisasi.startsAt, true).convertToZone(zone);
    expect(local.hour * 60 + local.minute - 6 * 60).toBe(zone.utcOffset(local) / 60);
  });

  it('holds several events, each with its own UID and times', () => {
    const second: CalendarEvent = {
      ...sosialisasi,
      id: 'b2',
      title: 'Apel Ikrar Netralitas ASN',
      startsAt: new Date('2024-11-04T00:30:00Z'),
      endsAt: new Date('2024-11-04T02:00:00Z'),
    };
    const cancelled: CalendarEvent = { ...sosialisasi, id: 'c3', title: 'Bimtek (batal)', status: 'CANCELLED' };
    const inputs = [sosialisasi, second, cancelled];

    const events = eventsOf(buildCalendarFeed(inputs, batu));

    expect(events.map((event) => event.uid)).toEqual(inputs.map((input) => eventUid(input.id)));
    expect(events.map((event) => event.summary)).toEqual(inputs.map((input) => input.title));
    expect(events.map((event) => event.startDate.toJSDate())).toEqual(inputs.map((input) => input.startsAt));
    expect(events.map((event) => event.endDate.toJSDate())).toEqual(inputs.map((input) => input.endsAt));
    expect(events.map((event) => event.component.getFirstPropertyValue('status'))).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'CANCELLED',
    ]);
  });

  it('puts the calendar properties before the components', () => {
    const ics = buildCalendarFeed([sosialisasi], batu);
    expect(ics.indexOf('X-WR-TIMEZONE:')).toBeLessThan(ics.indexOf('BEGIN:VTIMEZONE'));
    expect(ics.indexOf('END:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
  });

  it('ends every line with CRLF', () => {
    const ics = buildCalendarFeed([sosialisasi], batu);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('folding (RFC 5545 §3.1)', () => {
  const octets = (line: string) => Buffer.byteLength(line, 'utf8');

  it('keeps every line of a calendar with multi-octet text within 75 octets, and the text intact', () => {
    // "–" is 3 octets, "é" 2, "Ⅱ" 3, "🇮🇩" two 4-octet code points: folding by characters gave 79+ octets.
    const title = 'Sosialisasi Netralitas ASN – Kecamatan Batu – Tahap Ⅱ – “Jaga Netralitas” – café 🇮🇩 '.repeat(4);
    const ics = buildEventCalendar({ ...sosialisasi, title, description: 'Catatan – '.repeat(40) });
    const lines = ics.split('\r\n');
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(onlyEventOf(ics).summary).toBe(title);
  });

  it('folds at 75 octets, continuation lines starting with a space, without splitting a character', () => {
    const line = `SUMMARY:${'–'.repeat(60)}`;
    const folded = foldContentLines(`${line}\r\n`).split('\r\n');
    expect(folded.map(octets)).toEqual([74, 73, 43, 0]);
    expect(folded.slice(1, 3).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    // No part ends inside a character: each decodes back to itself.
    for (const part of folded) expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
  });

  it('leaves short lines alone and refolds lines the library folded by characters', () => {
    expect(foldContentLines('SUMMARY:Rakor\r\n')).toBe('SUMMARY:Rakor\r\n');
    const libraryFolded = `DESCRIPTION:${'a'.repeat(63)}\r\n\t${'é'.repeat(30)}\r\n`;
    const refolded = foldContentLines(libraryFolded);
    expect(refolded.split('\r\n').map(octets).every((n) => n <= 75)).toBe(true);
    expect(refolded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'a'.repeat(63)}${'é'.repeat(30)}\r\n`);
  });
});
