// Pledges: signing throughput and chain verification.
//
// Signing: 50 concurrent clients each sign pledges (SELF, outside any event) as fast as answers
// come, all in one region — they serialise on that region's chain lock — and then spread over 10
// regions at once, which should not wait for each other. The baseline is a reference route
// mounted by this file only, behind the same auth guard: one INSERT … SELECT of the same pledge
// row into a table without the chain (no lock, no last-link read, no hash), in the same run.
//
// Verification: GET /regions/:id/pledge-chain/verify over a chain of 100,000 pledges (and one of
// 10,000, to show memory does not grow with the chain), against a bare keyset read of the same
// rows through pg without hashing; peak heap growth sampled while it runs.
import { Body, Controller, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import { Roles } from '../dist/common/caller.js';
import { randomCode } from '../dist/common/codes.js';
import { GENESIS_HASH, pledgeHash, templateTextHash } from '../dist/pledges/pledge-hash.js';
import { ok, ratio, startBenchApp, timed } from './support.js';

const CLIENTS = 50;
const SIGNINGS = 2_000;
const REGIONS = 10;
const LONG_CHAIN = 100_000;
const SHORT_CHAIN = 10_000;

/** The reference route (benchmark only): the guard, then the pledge's row written without a chain. */
class ReferencePledges {
  constructor(dataSource) {
    this.pool = dataSource.driver.master;
  }

  async sign(body) {
    const { rows } = await this.pool.query(
      `INSERT INTO bench_unchained_pledges (region_id, template_id, person_id, agency_id, capacity, signature_name, signed_at, verification_code, hash)
       SELECT p.region_id, $2::uuid, p.id, p.agency_id, 'SELF', $3::text, now(), $4::text, encode(sha256(convert_to(p.id::text || $4::text, 'UTF8')), 'hex')
         FROM people p WHERE p.id = $1
       RETURNING id`,
      [body.personId, body.templateId, body.signatureName, randomCode(10)],
    );
    if (rows.length !== 1) throw new Error('reference pledge inserted nothing');
    return { id: rows[0].id };
  }
}
Inject(getDataSourceToken())(ReferencePledges, undefined, 0);
Controller('bench-reference')(ReferencePledges);
const sign = Object.getOwnPropertyDescriptor(ReferencePledges.prototype, 'sign');
Reflect.decorate([Post('pledges'), HttpCode(201), Roles('ADMIN', 'ORGANIZER', 'CHECKIN')], ReferencePledges.prototype, 'sign', sign);
Body()(ReferencePledges.prototype, 'sign', 0);

class ReferenceModule {}
Module({ controllers: [ReferencePledges] })(ReferenceModule);

/** Signs one pledge per body (given, or made by `make` before the clock starts), CLIENTS at a time; every answer must be 201. */
async function signAll(app, path, given, make) {
  const bodies = given ?? (await make());
  let next = 0;
  const client = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${app.base}${path}`, { method: 'POST', headers: { authorization: app.token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
      await response.arrayBuffer().catch(() => undefined);
    }
  };
  const { seconds } = await timed(() => Promise.all(Array.from({ length: CLIENTS }, client)));
  return bodies.length / seconds;
}

/** `count` people per region, round-robin over the regions: one signing body each. */
async function signers(db, regions, count, templateId) {
  const bodies = [];
  for (const region of regions) {
    const { rows } = await db.query(
      `INSERT INTO people (region_id, agency_id, full_name, employment_type) SELECT $1, $2, 'Peserta ' || n, 'NON_ASN' FROM generate_series(1, $3) n RETURNING id, full_name`,
      [region.id, region.agencyId, count],
    );
    bodies.push(rows.map((row) => ({ templateId, personId: row.id, capacity: 'SELF', signatureName: row.full_name, consent: true })));
  }
  // Interleaved, so that concurrent clients sign in every region at once.
  return Array.from({ length: count }, (_, i) => bodies.map((regionBodies) => regionBodies[i])).flat();
}

/** A valid chain of `length` pledges in the region, written set-based (the chain as signing would have left it). */
async function writeChain(db, region, template, length) {
  const textHash = templateTextHash(template);
  const { rows: people } = await db.query(
    `INSERT INTO people (region_id, agency_id, full_name, employment_type) SELECT $1, $2, 'Penanda ' || n, 'NON_ASN' FROM generate_series(1, $3) n RETURNING id, full_name`,
    [region.id, region.agencyId, length],
  );
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2024, 9, 29, 6);
  for (let from = 0; from < length; from += 10_000) {
    const batch = people.slice(from, from + 10_000).map((person, i) => {
      const fields = {
        regionId: region.id,
        chainSeq: from + i + 1,
        eventId: null,
        templateId: template.id,
        personId: person.id,
        agencyId: region.agencyId,
        capacity: 'SELF',
        checkInId: null,
        signatureName: person.full_name,
        signatureImageSha256: null,
        signedAt: new Date(start + (from + i) * 1000),
        verificationCode: randomCode(10),
      };
      const hash = pledgeHash(prevHash, fields, textHash);
      const row = { ...fields, signedAt: fields.signedAt.toISOString(), hash, prevHash };
      prevHash = hash;
      return row;
    });
    await db.query(
      `INSERT INTO pledges (region_id, chain_seq, template_id, person_id, agency_id, capacity, signature_name, signed_at, verification_code, hash, prev_hash)
       SELECT l."regionId", l."chainSeq", l."templateId", l."personId", l."agencyId", 'SELF', l."signatureName", l."signedAt"::timestamptz, l."verificationCode", l.hash, l."prevHash"
         FROM jsonb_to_recordset($1::jsonb) AS l("regionId" uuid, "chainSeq" int, "templateId" uuid, "personId" uuid, "agencyId" uuid, "signatureName" text,
              "signedAt" text, "verificationCode" text, hash text, "prevHash" text)`,
      [JSON.stringify(batch)],
    );
  }
}

/**
 * The peak of live heap while `work` runs, over what was live before, in MB: the heap is
 * collected (`--expose-gc`, as `npm run bench` runs) before each sample every 50 ms, so garbage
 * V8 has not collected yet does not count — only what is still held.
 */
async function peakLiveHeap(work) {
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => {
    globalThis.gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 50);
  try {
    const result = await work();
    return { result, peakMb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

/** The baseline of verification: the same rows read in the same keyset batches, nothing computed. */
async function bareRead(db, regionId) {
  let after = 0;
  let count = 0;
  for (;;) {
    const { rows } = await db.query(
      `SELECT id, region_id, chain_seq, event_id, template_id, person_id, agency_id, capacity, check_in_id, signature_name,
              signature_image_sha256, signed_at, verification_code, hash, prev_hash
         FROM pledges WHERE region_id = $1 AND chain_seq > $2 ORDER BY chain_seq LIMIT 2000`,
      [regionId, after],
    );
    count += rows.length;
    if (rows.length < 2000) return count;
    after = rows[rows.length - 1].chain_seq;
  }
}

export async function benchPledges() {
  const app = await startBenchApp({ modules: [ReferenceModule] });
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    await db.query('CREATE TABLE bench_unchained_pledges (LIKE pledges INCLUDING DEFAULTS)');
    await db.query('ALTER TABLE bench_unchained_pledges ALTER COLUMN chain_seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL');
    await ok(app, 'POST', '/regions', { code: '35', name: 'Jawa Timur', level: 'PROVINCE', timezone: 'Asia/Jakarta' });
    const regions = [];
    for (let i = 0; i < REGIONS + 3; i += 1) {
      const region = await ok(app, 'POST', '/regions', { code: `35.${String(i + 1).padStart(2, '0')}`, name: `Kabupaten Bench ${i + 1}`, level: 'REGENCY', timezone: 'Asia/Jakarta' });
      const agency = await ok(app, 'POST', '/agencies', { regionId: region.id, name: 'Dinas Pendidikan', category: 'OPD' });
      regions.push({ id: region.id, agencyId: agency.id });
    }
    const template = await ok(app, 'POST', '/pledge-templates', { title: 'Pakta Integritas Netralitas ASN', clauses: ['Menjaga netralitas ASN.', 'Menolak politik uang.'], legalBasis: 'SKB 2022' });
    const [one, ...rest] = regions;
    const ten = rest.slice(0, REGIONS);
    const [longChain, shortChain] = rest.slice(REGIONS);

    // Warm-up: both routes, a few hundred each.
    await signAll(app, '/bench-reference/pledges', await signers(db, [one], 200, template.id));
    await signAll(app, '/pledges', await signers(db, ten, 20, template.id));

    // Two rounds, the second in the reverse order, so that load coming and going on the shared
    // machine weighs on every variant alike; each figure is its two rounds' mean.
    const half = SIGNINGS / 2;
    const runs = {
      refOne: () => signAll(app, '/bench-reference/pledges', null, () => signers(db, [one], half, template.id)),
      apiOne: () => signAll(app, '/pledges', null, () => signers(db, [one], half, template.id)),
      refTen: () => signAll(app, '/bench-reference/pledges', null, () => signers(db, ten, half / REGIONS, template.id)),
      apiTen: () => signAll(app, '/pledges', null, () => signers(db, ten, half / REGIONS, template.id)),
    };
    const rates = { refOne: [], apiOne: [], refTen: [], apiTen: [] };
    for (const order of [Object.keys(runs), Object.keys(runs).reverse()]) {
      for (const name of order) rates[name].push(await runs[name]());
    }
    const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
    const [refOne, apiOne, refTen, apiTen] = ['refOne', 'apiOne', 'refTen', 'apiTen'].map((name) => mean(rates[name]));
    for (const region of [one, ...ten]) {
      const verified = await ok(app, 'GET', `/regions/${region.id}/pledge-chain/verify`);
      if (!verified.valid) throw new Error(`the chain of ${region.id} does not verify after the run`);
    }

    // Chains of 10,000 and 100,000 pledges, then verified (and read bare) each.
    await writeChain(db, shortChain, template, SHORT_CHAIN);
    await writeChain(db, longChain, template, LONG_CHAIN);
    await db.query('ANALYZE pledges');
    await ok(app, 'GET', `/regions/${shortChain.id}/pledge-chain/verify`);
    const bare = await timed(() => bareRead(db, longChain.id));
    const long = await timed(() => ok(app, 'GET', `/regions/${longChain.id}/pledge-chain/verify`));
    if (!long.result.valid || long.result.count !== LONG_CHAIN) throw new Error(`verify: ${JSON.stringify(long.result)}`);
    const short = await timed(() => ok(app, 'GET', `/regions/${shortChain.id}/pledge-chain/verify`));
    // Memory apart from time: the sampler's collections slow the walk down.
    long.peakMb = (await peakLiveHeap(() => ok(app, 'GET', `/regions/${longChain.id}/pledge-chain/verify`))).peakMb;
    short.peakMb = (await peakLiveHeap(() => ok(app, 'GET', `/regions/${shortChain.id}/pledge-chain/verify`))).peakMb;

    const perSecond = (value) => `${value.toFixed(0)} pledges/s`;
    return [
      [`reference: guard + one INSERT … SELECT, no chain, 1 region (${CLIENTS} clients)`, perSecond(refOne), '1.00×'],
      [`POST /pledges, 1 region (${CLIENTS} clients on one chain)`, perSecond(apiOne), ratio(apiOne, refOne)],
      [`reference: no chain, ${REGIONS} regions (${CLIENTS} clients)`, perSecond(refTen), ratio(refTen, refOne)],
      [`POST /pledges, ${REGIONS} regions at once (${CLIENTS} clients)`, perSecond(apiTen), ratio(apiTen, refOne)],
      [`POST /pledges: ${REGIONS} regions vs 1 region`, '', ratio(apiTen, apiOne)],
      [`bare keyset read of ${LONG_CHAIN.toLocaleString('en')} pledges via pg (reference)`, `${(bare.seconds * 1000).toFixed(0)} ms`, '1.00×'],
      [`GET /regions/:id/pledge-chain/verify, ${LONG_CHAIN.toLocaleString('en')} pledges`, `${(long.seconds * 1000).toFixed(0)} ms, peak live heap +${long.peakMb.toFixed(1)} MB`, ratio(long.seconds, bare.seconds)],
      [`the same, ${(short.result.count).toLocaleString('en')} pledges`, `${(short.seconds * 1000).toFixed(0)} ms, peak live heap +${short.peakMb.toFixed(1)} MB`, ''],
    ];
  } finally {
    await db.end();
    await app.close();
  }
}
