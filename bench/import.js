// People CSV import: the full request (stream, parse, validate NIPs, upsert in batches, audit)
// against a bare set-based INSERT of the same rows in the same database and run — the floor any
// import could reach. Also shows that time grows linearly and memory does not grow with the file.
import { Readable } from 'node:stream';
import pg from 'pg';
import { ratio, startBenchApp, timed } from './support.js';

const AGENCIES = ['Dinas Pendidikan', 'Dinas Kesehatan', 'Badan Kepegawaian dan Pengembangan SDM', 'Kecamatan Batu', 'Kecamatan Junrejo'];
const TYPES = ['PNS', 'PNS', 'PNS', 'PPPK', 'CPNS', 'PNS', 'PPPK', 'PNS', 'PNS', 'NON_ASN'];

/** A valid NIP, unique per row: birth date, appointment, gender and sequence all vary. */
function nipFor(i, type) {
  const birth = new Date(Date.UTC(1965, 0, 1) + (i % 9000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const gender = 1 + (i % 2);
  const sequence = String(1 + Math.floor(i / 9000) * 2 + (i % 2 === 0 ? 0 : 0)).padStart(3, '0');
  if (type === 'PPPK') return `${ymd}${2021 + (i % 3)}21${gender}${sequence}`;
  return `${ymd}${2000 + (i % 20)}${String(1 + (i % 12)).padStart(2, '0')}${gender}${sequence}`;
}

function* rows(count, offset) {
  for (let n = 0; n < count; n++) {
    const i = n + offset;
    const type = TYPES[i % TYPES.length];
    yield { fullName: `Pegawai Uji ${i}, S.Pd.`, nip: type === 'NON_ASN' ? '' : nipFor(i, type), employmentType: type, position: 'Pelaksana', agency: AGENCIES[i % AGENCIES.length], phone: '', email: '' };
  }
}

/** The CSV as a stream, so neither side ever holds the whole file. */
function csv(count, offset) {
  function* lines() {
    yield 'fullName;nip;employmentType;position;agency;phone;email\n';
    for (const r of rows(count, offset)) yield `${[r.fullName, r.nip, r.employmentType, r.position, r.agency, r.phone, r.email].join(';')}\n`;
  }
  return Readable.toWeb(Readable.from(lines()));
}

async function post(app, path, body, headers) {
  const response = await fetch(`${app.base}${path}`, { method: 'POST', headers: { authorization: app.token, ...headers }, body, duplex: 'half' });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function liveHeapMb() {
  await new Promise((resolve) => setTimeout(resolve, 100));
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export async function benchImport() {
  const app = await startBenchApp();
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const region = await post(app, '/regions', JSON.stringify({ code: '35', name: 'Jawa Timur', level: 'PROVINCE', timezone: 'Asia/Jakarta' }), { 'content-type': 'application/json' });
    const city = await post(app, '/regions', JSON.stringify({ code: '35.79', name: 'Kota Batu', level: 'CITY', timezone: 'Asia/Jakarta' }), { 'content-type': 'application/json' });
    for (const name of AGENCIES) await post(app, '/agencies', JSON.stringify({ regionId: city.id, name, category: 'OPD' }), { 'content-type': 'application/json' });
    void region;

    // Baseline: the same 10,000 rows in one INSERT … SELECT, agencies resolved by a join.
    const baselineRows = [...rows(10_000, 1_000_000)].map((r) => ({ ...r, nip: r.nip ? `9${r.nip.slice(1)}` : null }));
    const baseline = await timed(() =>
      db.query(
        `INSERT INTO people (region_id, agency_id, full_name, nip, employment_type, position)
         SELECT a.region_id, a.id, p."fullName", p.nip, p."employmentType"::employment_type, p.position
           FROM jsonb_to_recordset($1::jsonb) AS p("fullName" text, nip text, "employmentType" text, position text, agency text)
           JOIN agencies a ON a.region_id = $2 AND a.name = p.agency`,
        [JSON.stringify(baselineRows), city.id],
      ),
    );

    // Warm up first (JIT, prepared caches), so the heap figures show what an import retains.
    await post(app, `/people/import?regionId=${city.id}`, csv(1_000, 2_000_000), { 'content-type': 'text/csv' });
    const heapBefore = await liveHeapMb();
    const small = await timed(() => post(app, `/people/import?regionId=${city.id}`, csv(10_000, 0), { 'content-type': 'text/csv' }));
    const heapAfterSmall = await liveHeapMb();
    const large = await timed(() => post(app, `/people/import?regionId=${city.id}`, csv(50_000, 10_000), { 'content-type': 'text/csv' }));
    const heapAfterLarge = await liveHeapMb();
    const again = await timed(() => post(app, `/people/import?regionId=${city.id}`, csv(10_000, 0), { 'content-type': 'text/csv' }));
    for (const [label, run, expected] of [['10k', small, 10_000], ['50k', large, 50_000]]) {
      if (run.result.created !== expected || run.result.errors.length) throw new Error(`${label} import: ${JSON.stringify(run.result).slice(0, 300)}`);
    }
    if (again.result.updated !== 10_000) throw new Error(`re-import: ${JSON.stringify(again.result).slice(0, 300)}`);

    return [
      ['bare INSERT … SELECT of 10,000 rows (baseline)', `${baseline.seconds.toFixed(2)} s`, '1.00×'],
      ['POST /people/import, 10,000 new rows', `${small.seconds.toFixed(2)} s`, ratio(small.seconds, baseline.seconds)],
      ['POST /people/import, 50,000 new rows', `${large.seconds.toFixed(2)} s`, ratio(large.seconds, baseline.seconds)],
      ['POST /people/import, the 10,000 again (all updates)', `${again.seconds.toFixed(2)} s`, ratio(again.seconds, baseline.seconds)],
      ['live heap growth after 10k / after 50k', `${(heapAfterSmall - heapBefore).toFixed(1)} MB / ${(heapAfterLarge - heapBefore).toFixed(1)} MB`, globalThis.gc ? '' : '(run with --expose-gc)'],
    ];
  } finally {
    await db.end();
    await app.close();
  }
}
