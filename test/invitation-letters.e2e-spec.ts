import { BLANK_LETTER_NUMBER } from '../src/invitations/invitation-letter.js';
import { type AgencyRef, createAgency } from './support/directory-fixtures.js';
import { decodeQrCodes, isA4, pdfFonts, readPdf, renderPdfPage, asBytes } from './support/documents.js';
import { createScheduledEvent, eventBody } from './support/event-fixtures.js';
import { createCast, createRegions, createUser, putOffice, type TestUser } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { withAdminClient } from './support/test-database.js';

const PUBLIC_URL = 'https://netralitas.batukota.go.id';
/** A Tuesday: "Selasa, 29 Oktober 2030", 13.00–16.00 WIB (Batu) / WITA (Balikpapan). */
const BATU_TIMES = { startsAt: '2030-10-29T13:00:00+07:00', endsAt: '2030-10-29T16:00:00+07:00' };

/**
 * The surat undangan read the way the addressee reads it: its text, one A4 page, fonts embedded,
 * and the QR code on the rendered page scanned back to the link. PNGs of the pages are kept in
 * test-artifacts/documents/.
 */
describe('invitation letters', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let agencies: AgencyRef[];
  let repDisdik: TestUser;
  let eventId: string;
  let invitationIds: Map<string, string>;

  const db = <T>(sql: string, params: unknown[] = []) => withAdminClient(t.databaseUrl, async (client) => (await client.query(sql, params)).rows as T[]);
  const pdf = (path: string, token: string) => t.http().get(`/api/v1${path}`).set('Authorization', token).buffer(true).parse(asBytes);

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL });
    r = await createRegions(t);
    cast = await createCast(t, r);
    await putOffice(t, r.batu.id);
    agencies = [
      await createAgency(t, r.batu.id, 'Dinas Pendidikan Kota Batu', { headTitle: 'Kepala Dinas Pendidikan' }),
      await createAgency(t, r.batu.id, 'Kepolisian Resor Batu', { category: 'VERTICAL', headTitle: 'Kapolres Batu' }),
      await createAgency(t, r.batu.id, 'Badan Pengawas Pemilihan Umum Kota Batu', { category: 'ELECTION_BODY', headTitle: 'Ketua Bawaslu Kota Batu' }),
    ];
    repDisdik = await createUser(t, 'AGENCY_REP', { agencyId: agencies[0].id });
    const event = await createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id, { ...BATU_TIMES, title: 'Sosialisasi Netralitas ASN Pilkada Serentak 2030' }));
    eventId = event.id;
    const invited = await t.http().post(`/api/v1/events/${eventId}/invitations`).set('Authorization', cast.organizerBatu.token).send({ agencyIds: agencies.map((a) => a.id), seats: 3 }).expect(201);
    invitationIds = new Map((invited.body.created as Array<{ agencyName: string; invitationId: string }>).map((i) => [i.agencyName, i.invitationId]));
  });
  afterAll(() => t.close());

  const tokenOf = async (invitationId: string) => (await db<{ token: string }>('SELECT token FROM invitations WHERE id = $1', [invitationId]))[0].token;

  describe('GET /invitations/:id/letter.pdf', () => {
    let bytes: Buffer;
    let invitationId: string;
    beforeAll(async () => {
      invitationId = invitationIds.get('Dinas Pendidikan Kota Batu')!;
      const response = await pdf(`/invitations/${invitationId}/letter.pdf`, cast.organizerBatu.token).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe('inline; filename=surat-undangan-dinas-pendidikan-kota-batu.pdf');
      bytes = response.body as Buffer;
    });

    it('is a surat undangan of one A4 page: kop surat, nomor, addressee, day and month in Indonesian, time with its zone, place, seats in words', async () => {
      const { text, pages } = await readPdf(bytes);
      expect(pages).toHaveLength(1);
      expect(isA4(pages[0])).toBe(true);
      expect(pages[0].text.split('\n').slice(0, 2)).toEqual(['PEMERINTAH KOTA BATU', 'BADAN KESATUAN BANGSA DAN POLITIK']);
      const flat = text.replace(/\s+/g, ' ');
      for (const expected of [
        'Nomor : 000.1.2/1234/35.79.401/2024',
        'Sifat : Penting',
        'Lampiran : -',
        'Hal : Undangan Sosialisasi Netralitas ASN Pilkada Serentak 2030',
        'Yth. Kepala Dinas Pendidikan',
        'Dinas Pendidikan Kota Batu',
        'di Tempat',
        'Hari/tanggal : Selasa, 29 Oktober 2030',
        'Waktu : 13.00–16.00 WIB',
        'Tempat : GOR Gajah Mada, Jl. Gajah Mada, Kecamatan Batu, Kota Batu',
        'Acara : Sosialisasi Netralitas ASN Pilkada Serentak 2030',
        'sebanyak 3 (tiga) orang',
        'Drs. Heru Wahyudi, M.Si.',
        'NIP. 19700315 199703 1 006',
      ]) {
        expect(flat).toContain(expected);
      }
      // Dated the day the invitation was made, in the region's zone, as the signature block prints it.
      const [{ created }] = await db<{ created: string }>(`SELECT to_char(created_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS created FROM invitations WHERE id = $1`, [invitationId]);
      const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
      const [year, month, day] = created.split('-').map(Number);
      expect(flat).toContain(`Batu, ${day} ${months[month - 1]} ${year}`);
    });

    it('embeds its fonts', () => {
      const fonts = pdfFonts(bytes);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((font) => font.embedded && font.name.includes('Tinos'))).toBe(true);
    });

    it('prints the short RSVP link as a QR code that scans back to it, and writes it under the code', async () => {
      const token = await tokenOf(invitationId);
      const page = await renderPdfPage(bytes, 1, 'invitation-letter-disdik');
      expect(decodeQrCodes(page.png)).toEqual([`${PUBLIC_URL}/r/${token}`]);
      expect((await readPdf(bytes)).text.replace(/\s+/g, '')).toContain(`${PUBLIC_URL}/r/${token}`);
    });

    it('gives the same bytes every time', async () => {
      const again = await pdf(`/invitations/${invitationId}/letter.pdf`, cast.organizerBatu.token).expect(200);
      expect(Buffer.compare(again.body as Buffer, bytes)).toBe(0);
    });

    it('leaves the Nomor to fill in by hand when the event has none', async () => {
      await t.http().patch(`/api/v1/events/${eventId}`).set('Authorization', cast.organizerBatu.token).send({ letterNumber: null }).expect(200);
      try {
        const response = await pdf(`/invitations/${invitationId}/letter.pdf`, cast.organizerBatu.token).expect(200);
        expect((await readPdf(response.body as Buffer)).text.replace(/\s+/g, ' ')).toContain(`Nomor : ${BLANK_LETTER_NUMBER}`);
      } finally {
        await t.http().patch(`/api/v1/events/${eventId}`).set('Authorization', cast.organizerBatu.token).send({ letterNumber: '000.1.2/1234/35.79.401/2024' }).expect(200);
      }
    });

    it('is for those who see the link: the agency itself, not another agency (404), a VIEWER or CHECKIN (403)', async () => {
      await pdf(`/invitations/${invitationId}/letter.pdf`, repDisdik.token).expect(200);
      await pdf(`/invitations/${invitationIds.get('Kepolisian Resor Batu')}/letter.pdf`, repDisdik.token).expect(404);
      await pdf(`/invitations/${invitationId}/letter.pdf`, cast.viewerBatu.token).expect(403);
      await pdf(`/invitations/${invitationId}/letter.pdf`, cast.checkinBatu.token).expect(403);
      await pdf(`/invitations/${invitationId}/letter.pdf`, cast.organizerBalikpapan.token).expect(404);
      await pdf(`/invitations/${invitationId}/letter.pdf`, cast.organizerJatim.token).expect(200);
    });
  });

  it("prints the time in the region's own zone: WITA in Balikpapan, and a blank signature block without an office", async () => {
    const agency = await createAgency(t, r.balikpapan.id, 'Dinas Komunikasi dan Informatika Kota Balikpapan', { headTitle: 'Kepala Dinas Komunikasi dan Informatika' });
    const event = await createScheduledEvent(t, cast.organizerBalikpapan.token, eventBody(r.balikpapan.id, { startsAt: '2030-10-20T09:00:00+08:00', endsAt: '2030-10-20T12:00:00+08:00', letterNumber: null, capacity: 100 }));
    const invited = await t.http().post(`/api/v1/events/${event.id}/invitations`).set('Authorization', cast.organizerBalikpapan.token).send({ agencyIds: [agency.id], seats: 12 }).expect(201);
    const response = await pdf(`/invitations/${invited.body.created[0].invitationId}/letter.pdf`, cast.organizerBalikpapan.token).expect(200);
    const flat = (await readPdf(response.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(flat).toContain('PEMERINTAH KOTA BALIKPAPAN');
    expect(flat).toContain('Hari/tanggal : Minggu, 20 Oktober 2030');
    expect(flat).toContain('Waktu : 09.00–12.00 WITA');
    expect(flat).toContain('sebanyak 12 (dua belas) orang');
  });

  describe('GET /events/:id/invitations/letters.pdf', () => {
    it('holds every letter of the event, one per page, by agency name', async () => {
      const response = await pdf(`/events/${eventId}/invitations/letters.pdf`, cast.organizerBatu.token).expect(200);
      const bytes = response.body as Buffer;
      const { pages } = await readPdf(bytes);
      expect(pages).toHaveLength(3);
      expect(pages.every(isA4)).toBe(true);
      const addressees = pages.map((page) => ['Yth. Ketua Bawaslu Kota Batu', 'Yth. Kepala Dinas Pendidikan', 'Yth. Kapolres Batu'].filter((line) => page.text.includes(line)));
      // Badan Pengawas…, Dinas Pendidikan…, Kepolisian…: by agency name.
      expect(addressees).toEqual([['Yth. Ketua Bawaslu Kota Batu'], ['Yth. Kepala Dinas Pendidikan'], ['Yth. Kapolres Batu']]);
      for (const page of pages) expect(page.text.split('\n')[0]).toBe('PEMERINTAH KOTA BATU');
      // Each page carries its own agency's link.
      const third = await renderPdfPage(bytes, 3, 'invitation-letters');
      expect(decodeQrCodes(third.png)).toEqual([`${PUBLIC_URL}/r/${await tokenOf(invitationIds.get('Kepolisian Resor Batu')!)}`]);
    });

    it('is for organizers of the region; an event without invitations has nothing to print (409)', async () => {
      await pdf(`/events/${eventId}/invitations/letters.pdf`, repDisdik.token).expect(403);
      await pdf(`/events/${eventId}/invitations/letters.pdf`, cast.viewerBatu.token).expect(403);
      await pdf(`/events/${eventId}/invitations/letters.pdf`, cast.organizerBalikpapan.token).expect(404);
      const empty = await createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id, BATU_TIMES));
      const none = await t.http().get(`/api/v1/events/${empty.id}/invitations/letters.pdf`).set('Authorization', cast.organizerBatu.token).expect(409);
      expect(none.body.type).toContain('no-invitations');
    });

    it('prints nothing for a cancelled event (409 event-not-scheduled)', async () => {
      const event = await createScheduledEvent(t, cast.organizerBatu.token, eventBody(r.batu.id, BATU_TIMES));
      const invited = await t.http().post(`/api/v1/events/${event.id}/invitations`).set('Authorization', cast.organizerBatu.token).send({ agencyIds: [agencies[0].id], seats: 1 }).expect(201);
      await t.http().post(`/api/v1/events/${event.id}/cancel`).set('Authorization', cast.organizerBatu.token).send({ reason: 'Ditunda' }).expect(200);
      const letter = await t.http().get(`/api/v1/invitations/${invited.body.created[0].invitationId}/letter.pdf`).set('Authorization', cast.organizerBatu.token).expect(409);
      expect(letter.body.eventStatus).toBe('CANCELLED');
      await t.http().get(`/api/v1/events/${event.id}/invitations/letters.pdf`).set('Authorization', cast.organizerBatu.token).expect(409);
    });
  });
});
