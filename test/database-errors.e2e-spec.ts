import { type DataSource, QueryFailedError } from 'typeorm';
import { domainErrorOf } from '../src/common/database-errors.js';
import { ServiceUnavailableError } from '../src/common/errors.js';
import { toProblem } from '../src/common/problem-details.filter.js';
import { transaction, TRANSACTION_ATTEMPTS } from '../src/common/transaction.js';
import { createDataSource } from '../src/database/data-source.js';
import { createAgency, createPerson, pnsNip } from './support/directory-fixtures.js';
import { createEvent, eventBody } from './support/event-fixtures.js';
import { createRegions } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Answer = { status: number; body: Record<string, unknown> };

/** What a client reads in a 409: everything but the request's own id and path. */
function contract(answer: Answer): Record<string, unknown> {
  const { requestId: _requestId, instance: _instance, ...rest } = answer.body;
  return { status: answer.status, ...rest };
}

describe('database errors keep the contract', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    dataSource = createDataSource(t.databaseUrl);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await t.close();
  });

  /**
   * Sends `bodies` at once, `rounds` times; in each round exactly one wins, and every loser gets
   * the 409 that the service's own check gives to a request arriving after the winner.
   */
  async function race(path: string, rounds: number, bodiesOf: (round: number) => Array<Record<string, unknown>>, existingIdField?: string) {
    for (let round = 0; round < rounds; round++) {
      const bodies = bodiesOf(round);
      const answers: Answer[] = await Promise.all(bodies.map((body) => t.http().post(`/api/v1${path}`).set('Authorization', t.adminToken).send(body)));
      const winners = answers.filter((a) => a.status === 201);
      expect({ round, winners: winners.length, statuses: answers.map((a) => a.status).sort() }).toEqual({ round, winners: 1, statuses: [201, ...bodies.slice(1).map(() => 409)] });
      const after: Answer = await t.http().post(`/api/v1${path}`).set('Authorization', t.adminToken).send(bodies[0]);
      expect(after.status).toBe(409);
      if (existingIdField) expect(after.body[existingIdField]).toBe(winners[0].body.id);
      for (const loser of answers.filter((a) => a.status === 409)) {
        // The detail names the record as written by the winner, so it is the same text too.
        expect(contract(loser)).toEqual(contract(after));
      }
    }
  }

  describe('a race on a duplicate answers every loser with the 409 of the service check', () => {
    it('agency name within a region (whatever the case), with existingAgencyId', async () => {
      await race('/agencies', 4, (round) => ['Dinas Kesehatan', 'DINAS KESEHATAN', 'dinas kesehatan', 'Dinas kesehatan', 'DiNaS KeSeHaTaN', 'dinas KESEHATAN'].map((name) => ({ regionId: r.batu.id, name: `${name} ${round}`, category: 'OPD' })), 'existingAgencyId');
    });

    it('person NIP within a region, with existingPersonId', async () => {
      const agency = await createAgency(t, r.batu.id, 'Badan Kesatuan Bangsa dan Politik');
      await race('/people', 4, (round) => Array.from({ length: 6 }, (_, i) => ({ agencyId: agency.id, fullName: `Pegawai ${round}-${i}`, nip: pnsNip(1000 + round), employmentType: 'PNS' })), 'existingPersonId');
    });

    it('user email', async () => {
      await race('/users', 3, (round) => Array.from({ length: 5 }, (_, i) => ({ email: `door.${round}@batukota.go.id`, fullName: `Petugas ${i}`, password: 'long-enough-password', role: 'CHECKIN', regionId: r.batu.id })));
    });

    it('region code', async () => {
      await race('/regions', 4, (round) => Array.from({ length: 6 }, (_, i) => ({ code: `${71 + round}`, name: `Provinsi ${i}`, level: 'PROVINCE', timezone: 'Asia/Jakarta' })));
    });

    it('election name, case-insensitively in the database itself', async () => {
      await race('/elections', 4, (round) => ['Pilkada Serentak', 'PILKADA SERENTAK', 'pilkada serentak', 'Pilkada serentak', 'PiLkAdA SeReNtAk', 'pilkada SERENTAK'].map((name) => ({ name: `${name} ${2030 + round}`, type: 'SERENTAK', votingDate: '2030-11-27' })), 'existingElectionId');
      await expect(dataSource.query("INSERT INTO elections (name, type, voting_date) VALUES ('PILKADA SERENTAK 2030 ', 'SERENTAK', '2030-11-27'), ('pilkada serentak 2030 ', 'SERENTAK', '2030-11-27')")).rejects.toMatchObject({
        driverError: { code: '23505', constraint: 'uq_elections_name' },
      });
    });
  });

  describe('violations that reach the database anyway', () => {
    /** The error PostgreSQL raises for `sql`, as the problem filter answers it. */
    async function problemOf(sql: string, parameters: unknown[] = []) {
      const error = await dataSource.query(sql, parameters).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueryFailedError);
      return toProblem(domainErrorOf(error));
    }

    it('answers a unique key with the type and field of the service check', async () => {
      const agency = await createAgency(t, r.malang.id, 'Dinas Sosial');
      const person = await createPerson(t, agency.id, { fullName: 'Wahyu Hidayat', nip: pnsNip(7), employmentType: 'PNS' });
      const cases: Array<[string, unknown[], string]> = [
        ["INSERT INTO agencies (region_id, name, category) VALUES ($1, 'DINAS SOSIAL', 'OPD')", [r.malang.id], '/agencies'],
        ["INSERT INTO people (region_id, agency_id, full_name, nip, employment_type) VALUES ($1, $2, 'X', $3, 'PNS')", [r.malang.id, agency.id, person.nip], '/people'],
        ["INSERT INTO regions (code, name, level, timezone) VALUES ('35', 'X', 'PROVINCE', 'Asia/Jakarta')", [], '/regions'],
        ["INSERT INTO users (email, full_name, password_hash, role) VALUES ('admin@netralitas.test', 'X', 'x', 'ADMIN')", [], '/users'],
      ];
      const checks: Record<string, Record<string, unknown>> = {
        '/agencies': { regionId: r.malang.id, name: 'Dinas Sosial', category: 'OPD' },
        '/people': { agencyId: agency.id, fullName: 'X Y', nip: person.nip, employmentType: 'PNS' },
        '/regions': { code: '35', name: 'X Y', level: 'PROVINCE', timezone: 'Asia/Jakarta' },
        '/users': { email: 'admin@netralitas.test', fullName: 'X Y', password: 'long-enough-password', role: 'ADMIN' },
      };
      for (const [sql, parameters, path] of cases) {
        const fromDatabase = await problemOf(sql, parameters);
        const fromService = await t.http().post(`/api/v1${path}`).set('Authorization', t.adminToken).send(checks[path]).expect(409);
        expect({ path, type: fromDatabase.type, status: fromDatabase.status, errors: fromDatabase.errors }).toEqual({ path, type: fromService.body.type, status: 409, errors: fromService.body.errors });
      }
    });

    it('answers a CHECK or NOT NULL violation with a 400 naming the field', async () => {
      const event = await createEvent(t, t.adminToken, eventBody(r.batu.id));
      const expectations: Array<[string, unknown[], string]> = [
        ['UPDATE events SET capacity = 0 WHERE id = $1', [event.id], 'capacity'],
        ['UPDATE events SET ends_at = starts_at WHERE id = $1', [event.id], 'endsAt'],
        ['UPDATE agencies SET headcount_pns = -1 WHERE region_id = $1', [r.batu.id], 'headcount'],
        ["INSERT INTO regions (code, name, level, timezone) VALUES ('98', NULL, 'PROVINCE', 'Asia/Jakarta')", [], 'name'],
        ["INSERT INTO people (region_id, agency_id, full_name, employment_type) SELECT region_id, id, 'X', NULL FROM agencies LIMIT 1", [], 'employmentType'],
      ];
      await createAgency(t, r.batu.id, 'Dinas Perhubungan');
      for (const [sql, parameters, field] of expectations) {
        const problem = await problemOf(sql, parameters);
        expect({ sql, status: problem.status, fields: problem.errors?.map((e) => e.field) }).toEqual({ sql, status: 400, fields: [field] });
      }
    });
  });

  describe('transaction(): deadlocks and serialization failures are retried', () => {
    it('runs the victim of a deadlock again, and both changes commit', async () => {
      const [a, b] = await Promise.all([createAgency(t, r.balikpapan.id, 'Dinas A'), createAgency(t, r.balikpapan.id, 'Dinas B')]);
      let bothLocked: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => {
        let waiting = 2;
        bothLocked = () => (--waiting === 0 ? resolve() : undefined);
      });
      const runs = { first: 0, second: 0 };
      // Each locks one row, waits until the other has locked its own, then asks for the other's: a cycle.
      const crossing = (name: 'first' | 'second', own: string, other: string) =>
        transaction(dataSource, async (manager) => {
          runs[name] += 1;
          await manager.query('UPDATE agencies SET headcount_pns = headcount_pns + 1 WHERE id = $1', [own]);
          bothLocked();
          await barrier;
          await manager.query('UPDATE agencies SET headcount_pns = headcount_pns + 1 WHERE id = $1', [other]);
        });
      await Promise.all([crossing('first', a.id, b.id), crossing('second', b.id, a.id)]);
      // PostgreSQL aborted one of them (40P01); run again, it committed after the other.
      expect(runs.first + runs.second).toBe(3);
      const rows = (await dataSource.query('SELECT headcount_pns FROM agencies WHERE id = ANY($1)', [[a.id, b.id]])) as Array<{ headcount_pns: number }>;
      expect(rows.map((row) => row.headcount_pns)).toEqual([2, 2]);
    });

    it('gives up after a bounded number of attempts with a 503 and Retry-After', async () => {
      let runs = 0;
      const serializationFailure = "DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure'; END $$";
      const succeedsThird = await transaction(dataSource, async (manager) => {
        runs += 1;
        if (runs < TRANSACTION_ATTEMPTS) await manager.query(serializationFailure);
        return 'done';
      });
      expect({ succeedsThird, runs }).toEqual({ succeedsThird: 'done', runs: TRANSACTION_ATTEMPTS });

      runs = 0;
      const error = await transaction(dataSource, async (manager) => {
        runs += 1;
        await manager.query(serializationFailure);
      }).catch((e: unknown) => e);
      expect(runs).toBe(TRANSACTION_ATTEMPTS);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(toProblem(error)).toMatchObject({ status: 503, type: 'https://netralitas.id/problems/unavailable' });
      expect((error as ServiceUnavailableError).headers['retry-after']).toBe('1');
    });

    it('runs a transaction once more after a unique violation, and only once', async () => {
      let runs = 0;
      const error = await transaction(dataSource, async (manager) => {
        runs += 1;
        await manager.query("INSERT INTO regions (code, name, level, timezone) VALUES ('35', 'X', 'PROVINCE', 'Asia/Jakarta')");
      }).catch((e: unknown) => e);
      expect(runs).toBe(2);
      expect(toProblem(domainErrorOf(error))).toMatchObject({ status: 409, type: 'https://netralitas.id/problems/duplicate-code' });
    });
  });
});
