import type { TestApp } from './test-app.js';

export interface AgencyRef {
  id: string;
  regionId: string;
  name: string;
  category: string;
  [field: string]: unknown;
}

export interface PersonRef {
  id: string;
  regionId: string;
  agencyId: string;
  fullName: string;
  nip: string | null;
  [field: string]: unknown;
}

/** Creates an agency through the API (as ADMIN unless a token is given). */
export async function createAgency(t: TestApp, regionId: string, name: string, overrides: Record<string, unknown> = {}, token = t.adminToken): Promise<AgencyRef> {
  const response = await t.http().post('/api/v1/agencies').set('Authorization', token).send({ regionId, name, category: 'OPD', headTitle: 'Kepala Dinas', ...overrides });
  if (response.status !== 201) throw new Error(`agency ${name}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as AgencyRef;
}

export async function createPerson(t: TestApp, agencyId: string, body: Record<string, unknown>, token = t.adminToken): Promise<PersonRef> {
  const response = await t.http().post('/api/v1/people').set('Authorization', token).send({ agencyId, ...body });
  if (response.status !== 201) throw new Error(`person ${JSON.stringify(body)}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as PersonRef;
}

/**
 * A valid PNS NIP: birth date 1960-01-01 plus `n` days, TMT 2010-01, gender 1 or 2, and a
 * sequence; distinct for n < 3,650,000.
 */
export function pnsNip(n: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  return `${date}201001${(n % 2) + 1}${String(n % 1000).padStart(3, '0')}`;
}

/** POSTs a CSV body to an import endpoint. */
export function postCsv(t: TestApp, path: string, token: string, csv: string | Buffer, query: Record<string, string | boolean> = {}) {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString();
  return t
    .http()
    .post(`/api/v1/${path}${search ? `?${search}` : ''}`)
    .set('Authorization', token)
    .set('Content-Type', 'text/csv')
    .send(typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv);
}

/** The audit entries of one entity type, newest first. */
export async function auditEntries(
  t: TestApp,
  entity: string,
): Promise<Array<{ action: string; entityId: string | null; regionId: string | null; changes: Record<string, unknown>; actorEmail: string; requestId: string | null }>> {
  const response = await t.http().get(`/api/v1/audit-log?entity=${entity}&limit=200`).set('Authorization', t.adminToken).expect(200);
  return response.body.items;
}
