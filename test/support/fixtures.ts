import type { TestApp } from './test-app.js';

export interface RegionRef {
  id: string;
  code: string;
  name: string;
}

/** Two provinces with cities and a regency: enough to cross every tenancy boundary. */
export async function createRegions(t: TestApp) {
  const create = async (body: Record<string, unknown>): Promise<RegionRef> => {
    const response = await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send(body);
    if (response.status !== 201) throw new Error(`region ${JSON.stringify(body)}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as RegionRef;
  };
  const jatim = await create({ code: '35', name: 'Jawa Timur', level: 'PROVINCE', timezone: 'Asia/Jakarta' });
  const batu = await create({ code: '35.79', name: 'Kota Batu', level: 'CITY', timezone: 'Asia/Jakarta' });
  const malang = await create({ code: '35.07', name: 'Kabupaten Malang', level: 'REGENCY', timezone: 'Asia/Jakarta' });
  const kaltim = await create({ code: '64', name: 'Kalimantan Timur', level: 'PROVINCE', timezone: 'Asia/Makassar' });
  const balikpapan = await create({ code: '64.71', name: 'Kota Balikpapan', level: 'CITY', timezone: 'Asia/Makassar' });
  return { jatim, batu, malang, kaltim, balikpapan };
}

let counter = 0;

/** Creates a user as ADMIN and returns its id and a ready Authorization header. */
export async function createUser(
  t: TestApp,
  role: 'ADMIN' | 'ORGANIZER' | 'AGENCY_REP' | 'VIEWER' | 'CHECKIN',
  binding: { regionId?: string; agencyId?: string } = {},
): Promise<{ id: string; email: string; token: string }> {
  counter += 1;
  const email = `${role.toLowerCase()}.${counter}.${Date.now()}@netralitas.test`;
  const password = 'correct-horse-battery';
  const response = await t.http().post('/api/v1/users').set('Authorization', t.adminToken).send({ email, fullName: `Test ${role}`, password, role, ...binding });
  if (response.status !== 201) throw new Error(`user ${role}: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id as string, email, token: await t.login(email, password) };
}

export type TestUser = Awaited<ReturnType<typeof createUser>>;

/** The usual cast of a tenancy test: organizers on each side of every boundary, and Batu's read-only roles. */
export async function createCast(t: TestApp, r: Awaited<ReturnType<typeof createRegions>>) {
  const [organizerBatu, organizerJatim, organizerBalikpapan, viewerBatu, checkinBatu] = await Promise.all([
    createUser(t, 'ORGANIZER', { regionId: r.batu.id }),
    createUser(t, 'ORGANIZER', { regionId: r.jatim.id }),
    createUser(t, 'ORGANIZER', { regionId: r.balikpapan.id }),
    createUser(t, 'VIEWER', { regionId: r.batu.id }),
    createUser(t, 'CHECKIN', { regionId: r.batu.id }),
  ]);
  return { organizerBatu, organizerJatim, organizerBalikpapan, viewerBatu, checkinBatu };
}

/** The kop surat and signatory of Bakesbangpol Kota Batu, as the office form takes them. */
export const BATU_OFFICE = {
  government: 'Pemerintah Kota Batu',
  name: 'Badan Kesatuan Bangsa dan Politik',
  address: 'Balai Kota Among Tani, Jalan Panglima Sudirman Nomor 507, Kota Batu, Jawa Timur 65313',
  phone: '(0341) 512345',
  email: 'bakesbangpol@batukota.go.id',
  website: 'bakesbangpol.batukota.go.id',
  city: 'Batu',
  signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Batu', rank: 'Pembina Tingkat I (IV/b)', nip: '197003151997031006' },
};

/** Sets a region's office (`PUT /regions/:id/office`) as ADMIN. */
export async function putOffice(t: TestApp, regionId: string, office: object = BATU_OFFICE): Promise<void> {
  await t.http().put(`/api/v1/regions/${regionId}/office`).set('Authorization', t.adminToken).send(office).expect(200);
}
