// Invitation letters: `GET /events/:id/invitations/letters.pdf` for an event of 150 invited
// agencies (150 one-page letters with their QR codes, in one PDF) and one letter through
// `GET /invitations/:id/letter.pdf`, against the floor of the same PDF engine in the same run:
// as many one-line A4 pages in the same embedded font.
import pg from 'pg';
import { renderPdf } from '../dist/documents/pdf.js';
import { ok, ratio, startBenchApp, timed } from './support.js';

const LETTERS = 150;
const RUNS = 3;

/** Median seconds of `runs` calls, after one to warm up (fonts, JIT, prepared plans). */
async function median(work, runs) {
  await work();
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work)).seconds);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function benchLetters() {
  const app = await startBenchApp();
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    await ok(app, 'POST', '/regions', { code: '35', name: 'Jawa Timur', level: 'PROVINCE', timezone: 'Asia/Jakarta' });
    const city = await ok(app, 'POST', '/regions', { code: '35.79', name: 'Kota Batu', level: 'CITY', timezone: 'Asia/Jakarta' });
    await ok(app, 'PUT', `/regions/${city.id}/office`, {
      government: 'PEMERINTAH KOTA BATU',
      name: 'BADAN KESATUAN BANGSA DAN POLITIK',
      address: 'Jalan Panglima Sudirman Nomor 507, Kota Batu, Jawa Timur 65313',
      phone: '(0341) 512345',
      city: 'Batu',
      signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Bakesbangpol Kota Batu', rank: 'Pembina Tingkat I (IV/b)', nip: '197003151997031006' },
    });
    await db.query(
      `INSERT INTO agencies (region_id, name, category, head_title)
       SELECT $1, 'Dinas Uji ' || n, 'OPD', 'Kepala Dinas Uji ' || n FROM generate_series(1, $2) AS n`,
      [city.id, LETTERS],
    );
    const event = await ok(app, 'POST', '/events', {
      regionId: city.id,
      title: 'Sosialisasi Netralitas ASN Pilkada Serentak 2030',
      type: 'SOSIALISASI',
      venueName: 'GOR Gajah Mada',
      venueAddress: 'Jl. Gajah Mada, Kota Batu',
      startsAt: '2030-10-29T13:00:00+07:00',
      endsAt: '2030-10-29T16:00:00+07:00',
      capacity: 1000,
      letterNumber: '000.1.2/1234/35.79.401/2030',
    });
    await ok(app, 'POST', `/events/${event.id}/publish`);
    const invited = await ok(app, 'POST', `/events/${event.id}/invitations`, { category: 'OPD', seats: 3 });
    if (invited.created.length !== LETTERS) throw new Error(`invited ${invited.created.length}`);

    const createdAt = new Date('2030-10-21T02:00:00Z');
    const bare = (pages) => () => renderPdf({ title: 'bare', author: 'bench', createdAt, content: Array.from({ length: pages }, (_, i) => ({ text: 'Satu baris.', pageBreak: i > 0 ? 'before' : undefined })), pageNumbers: false });
    const bareOne = await median(bare(1), 15);
    const bareMany = await median(bare(LETTERS), RUNS);
    const one = await median(() => ok(app, 'GET', `/invitations/${invited.created[0].invitationId}/letter.pdf`), 15);
    const all = await median(() => ok(app, 'GET', `/events/${event.id}/invitations/letters.pdf`), RUNS);
    const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
    return [
      ['one-line A4 page, rendered in-process (baseline)', ms(bareOne), '1.00×'],
      ['GET /invitations/:id/letter.pdf (one letter, through HTTP)', ms(one), ratio(one, bareOne)],
      [`${LETTERS} one-line pages, rendered in-process (baseline)`, ms(bareMany), '1.00×'],
      [`GET /events/:id/invitations/letters.pdf (${LETTERS} letters)`, ms(all), ratio(all, bareMany)],
    ];
  } finally {
    await db.end();
    await app.close();
  }
}
