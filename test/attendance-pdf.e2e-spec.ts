import { createAgency, pnsNip, postCsv, type AgencyRef } from './support/directory-fixtures.js';
import { createScheduledEvent, type EventRef, eventBody } from './support/event-fixtures.js';
import { createCast, createRegions, putOffice, type TestUser } from './support/fixtures.js';
import { isA4, pdfFonts, readPdf, renderPdfPage, asBytes } from './support/documents.js';
import { confirmInvitation, unansweredInvitation } from './support/registration-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The printed daftar hadir (`GET /events/:id/attendance?format=pdf`) read back as the organizer
 * reads it after the event: a hall of 120 people over several pages, the letterhead, the event
 * header, local times, the header row on every page, the signature block. The first page is kept
 * as test-artifacts/documents/daftar-hadir-p1.png.
 */
describe('attendance sheet as PDF', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let organizerBatu: TestUser;
  let checkinBatu: TestUser;
  let event: EventRef;
  let agencies: AgencyRef[];
  const people: Array<{ id: string; fullName: string; nip: string; agencyId: string }> = [];

  const at = (minutes: number) => new Date(Date.parse('2024-10-29T12:00:00+07:00') + minutes * 60_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    ({ organizerBatu, checkinBatu } = await createCast(t, r));
    await putOffice(t, r.batu.id);
    agencies = [];
    for (const name of ['Dinas Pendidikan', 'Dinas Kesehatan', 'Dinas Pariwisata', 'Kecamatan Bumiaji']) agencies.push(await createAgency(t, r.batu.id, name));
    const absent = await createAgency(t, r.batu.id, 'Satuan Polisi Pamong Praja');
    // 120 people, 30 in each agency, through the people import (one request).
    const lines = ['fullName,nip,employmentType,position,agency'];
    for (let i = 0; i < 120; i += 1) lines.push(`Peserta Nomor ${i + 1},${pnsNip(5000 + i)},PNS,Analis Kebijakan Ahli Muda,${agencies[i % 4].name}`);
    const imported = await postCsv(t, 'people/import', t.adminToken, lines.join('\n'), { regionId: r.batu.id });
    expect(imported.body).toMatchObject({ created: 120, errors: [] });
    const found = await t.http().get(`/api/v1/people?q=Peserta%20Nomor&limit=200`).set('Authorization', t.adminToken).expect(200);
    for (const p of found.body.items) people.push({ id: p.id, fullName: p.fullName, nip: p.nip, agencyId: p.agencyId });
    expect(people).toHaveLength(120);

    event = await createScheduledEvent(
      t,
      organizerBatu.token,
      eventBody(r.batu.id, { title: 'Sosialisasi Netralitas ASN', venueName: 'Gedung Among Tani', startsAt: '2024-10-29T13:00:00+07:00', endsAt: '2024-10-29T16:00:00+07:00', capacity: 500 }),
    );
    const tickets: Array<{ ticketCode: string; personId: string }> = [];
    for (const agency of agencies) {
      const attendees = people.filter((p) => p.agencyId === agency.id).map((p, i) => ({ personId: p.id, delegate: i === 0 }));
      tickets.push(...(await confirmInvitation(t, event, agency.id, attendees)).registrations);
    }
    await unansweredInvitation(t, event, absent.id, { status: 'DECLINED', reason: 'pengamanan kampanye' });
    const scanned = await t
      .http()
      .post(`/api/v1/events/${event.id}/check-ins/batch`)
      .set('Authorization', checkinBatu.token)
      .send({ items: tickets.map((ticket, i) => ({ clientCheckinId: `pdf-${i}`, checkedInAt: at(i), deviceId: 'pintu-1', ticketCode: ticket.ticketCode })) })
      .expect(200);
    expect(scanned.body.results.every((result: { status: string }) => result.status === 'created')).toBe(true);
  });
  afterAll(() => t.close());

  async function download(token: string) {
    const response = await t
      .http()
      .get(`/api/v1/events/${event.id}/attendance?format=pdf`)
      .set('Authorization', token)
      .buffer(true)
      .parse(asBytes);
    return response;
  }

  it('is a download named like the CSV, for door staff and organizers', async () => {
    const response = await download(checkinBatu.token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="daftar-hadir-2024-10-29-sosialisasi-netralitas-asn.pdf"');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await download(organizerBatu.token)).status).toBe(200);
  });

  it('prints the letterhead, the title, the event header, everyone with NIP and local time, and the signature block', async () => {
    const pdf = (await download(organizerBatu.token)).body as Buffer;
    const { text, pages } = await readPdf(pdf);
    expect(pages[0].text.split('\n').slice(0, 2)).toEqual(['PEMERINTAH KOTA BATU', 'BADAN KESATUAN BANGSA DAN POLITIK']);
    expect(pages[0].text).toContain('DAFTAR HADIR');
    expect(pages[0].text).toMatch(/Acara\s*:\s*Sosialisasi Netralitas ASN/);
    expect(pages[0].text).toMatch(/Hari\/Tanggal\s*:\s*Selasa, 29 Oktober 2024/);
    expect(pages[0].text).toMatch(/Waktu\s*:\s*13\.00–16\.00 WIB/);
    expect(pages[0].text).toMatch(/Tempat\s*:\s*Gedung Among Tani/);
    // The JSON sheet is the source: every row of it is printed with its name, NIP and time.
    const json = await t.http().get(`/api/v1/events/${event.id}/attendance`).set('Authorization', organizerBatu.token).expect(200);
    const rows = json.body.agencies.flatMap((group: { rows: unknown[] }) => group.rows) as Array<{ no: number; fullName: string; nip: string; time: string; remark: string }>;
    expect(rows).toHaveLength(120);
    const flat = text.replace(/\s+/g, ' ');
    for (const row of rows) {
      const nip = `${row.nip.slice(0, 8)} ${row.nip.slice(8, 14)} ${row.nip[14]} ${row.nip.slice(15)}`;
      expect(flat).toContain(`${row.no} ${row.fullName} ${nip}`);
      expect(flat).toMatch(new RegExp(`${row.fullName} ${nip} .*? ${row.time.replace('.', '\\.')} ${row.remark}`));
    }
    // Local times (WIB), not UTC: the first scan was at 12.00 WIB (05.00 UTC).
    expect(flat).toContain('12.00 WIB');
    expect(flat).not.toContain('05.00 WIB');
    expect(flat).toContain('diwakilkan');
    expect(flat).toMatch(/Dinas Pendidikan \(30 orang\)/);
    expect(flat).toContain('Jumlah hadir: 120 orang (120 undangan, termasuk 4 diwakilkan; 0 tanpa undangan) dari 4 instansi.');
    expect(flat).toMatch(/Instansi yang diundang tetapi tidak hadir No Instansi Keterangan 1 Satuan Polisi Pamong Praja tidak hadir \(berhalangan: pengamanan kampanye\)/);
    expect(flat).toMatch(/Batu, 29 Oktober 2024 Mengetahui, Kepala Badan Kesatuan Bangsa dan Politik Kota Batu Drs\. Heru Wahyudi, M\.Si\. Pembina Tingkat I \(IV\/b\) NIP\. 19700315 199703 1 006/);
    await renderPdfPage(pdf, 1, 'daftar-hadir');
  });

  it('is A4 landscape on every page, repeats the header row and numbers the pages', async () => {
    const pdf = (await download(organizerBatu.token)).body as Buffer;
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      expect(isA4(page)).toBe(true);
      expect(page.width).toBeGreaterThan(page.height);
      expect(page.text).toContain(`Halaman ${page.number} dari ${pages.length}`);
      expect(page.text.replace(/\s+/g, ' ')).toContain('No Nama NIP Jabatan Instansi Waktu hadir Keterangan');
    }
    // Later pages start with the header row, then the rows carried over.
    expect(pages[1].text.split('\n')[0].replace(/\s+/g, ' ')).toBe('No Nama NIP Jabatan Instansi Waktu hadir Keterangan');
  });

  it('embeds its fonts', async () => {
    const fonts = pdfFonts((await download(organizerBatu.token)).body as Buffer);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded)).toBe(true);
  });
});
