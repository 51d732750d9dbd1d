/**
 * Demo data set for Netralitas: pure, typed data, no database code.
 *
 * Source: five public news stories about *sosialisasi netralitas ASN* (see /work/shared/seeds):
 *   - Kota Batu, Selasa 29 Oktober 2024: Bakesbangpol Kota Batu, GOR Gajah Mada (Targetnews.id);
 *   - Kabupaten Malang, Kamis 29 Februari 2024: Koordinasi Pengawasan Netralitas Pegawai ASN, opened
 *     by Wakil Bupati Malang, material by KASN (SJP);
 *   - Kota Pasuruan, Selasa 28 Januari 2020: Bawaslu Kota Pasuruan, Hotel Horison (Humas Bawaslu Kota Pasuruan);
 *   - Kota Balikpapan, Jumat 20 Oktober 2023: Kesbangpol Balikpapan, Ballroom Hotel Maxone (Inibalikpapan.com);
 *   - Kota Prabumulih, September 2024: Kesbangpol Prabumulih, Gedung Kesenian Rumah Dinas Walikota
 *     (Koranharianbanyuasin.id).
 *
 * Names of officials (and speakers) that appear in those stories are taken from the public news
 * reports, with their titles as written. Every other person is fictional (a plausible name for a
 * plausible post), and so are the figures: headcounts, seats, RSVPs and check-in times are
 * illustrative. NIPs (and the birth dates they encode), phone numbers and e-mail addresses are
 * synthetic for everybody, named officials included; they identify no real person.
 *
 * Each region's registry reflects the situation around the date of its story (e.g. Kota Pasuruan
 * as of January 2020, before its first PPPK appointments; Balikpapan as of October 2023).
 *
 * Natural keys (what a loader upserts by) and cross references:
 *   - region:   `code` (Kemendagri), parent by `parentCode`;
 *   - office:   `regionCode` (one per region);
 *   - election: `name`;
 *   - agency:   (`regionCode`, `name`), parent agency by `parentAgencyName` in the same region;
 *   - person:   (`regionCode`, `nip`) when a NIP exists, otherwise (`regionCode`, `agencyName`, `fullName`);
 *               `(agencyName, fullName)` is unique too, and every reference below uses it ({@link PersonRef});
 *   - user:     `email`; region by `regionCode`, agency by (`regionCode`, `agencyName`);
 *   - speaker:  (`regionCode`, `fullName`);
 *   - event:    (`regionCode`, `title`, local date of `startsAt`) — see {@link EventRef};
 *   - invitation: (event, `agencyName`); attendees and addressee by `fullName` within that agency;
 *   - check-in: (event, person);
 *   - cascade:  (`regionCode`, `agencyName`, `heldOn`).
 * Times are ISO 8601 strings carrying the region's own UTC offset (WIB +07:00, WITA +08:00).
 */

// ---------------------------------------------------------------------------------------------
// Enumerations: the domain's own (type-only imports: nothing of TypeORM is loaded), plus the
// ones whose features are still to come
// ---------------------------------------------------------------------------------------------

import './not-in-production.js';
import type { AgencyCategory } from '../agencies/agency.entity.js';
import type { ElectionType } from '../elections/election.entity.js';
import type { EventStatus, EventType } from '../events/event.entity.js';
import type { EmploymentType } from '../people/nip.js';
import { fillTheHall } from './hall-crowd.js';
import type { IndonesianTimezone as Timezone, RegionLevel } from '../regions/region.entity.js';

/** Fixed UTC offsets of the Indonesian zones (no daylight saving time). */
export const TIMEZONE_OFFSETS: Readonly<Record<Timezone, string>> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Pontianak': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

export const EVENT_TOPICS = ['NETRALITAS_ASN', 'ANTI_RADIKALISME', 'PENGAWASAN_PARTISIPATIF', 'DISIPLIN_ASN', 'MEDIA_SOSIAL'] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

export const INVITATION_STATUSES = ['PENDING', 'CONFIRMED', 'DECLINED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const CHECK_IN_METHODS = ['QR', 'MANUAL', 'OFFLINE_SYNC'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

// ---------------------------------------------------------------------------------------------
// Record types
// ---------------------------------------------------------------------------------------------

/** A province (`parentCode: null`) or a regency/city under a province. */
export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  timezone: Timezone;
}

export interface DemoElection {
  name: string;
  type: ElectionType;
  /** `YYYY-MM-DD` */
  votingDate: string;
}

export interface Headcount {
  pns: number;
  pppk: number;
  nonAsn: number;
}

export interface DemoAgency {
  regionCode: string;
  /** Unique within the region. */
  name: string;
  shortName: string;
  category: AgencyCategory;
  headTitle: string;
  /** Name of the parent agency in the same region (a kelurahan under its kecamatan). */
  parentAgencyName?: string;
  /** The coverage denominator. TNI/Polri members are not ASN: vertical offices count only their civilian staff. */
  headcount: Headcount;
  /** `YYYY-MM-DD` */
  headcountAsOf: string;
}

export interface DemoPerson {
  regionCode: string;
  agencyName: string;
  /** With academic titles as written. Unique within the agency. */
  fullName: string;
  /** 18 digits; required here for PNS, CPNS and PPPK, absent for NON_ASN and EXTERNAL. Unique within the region. */
  nip?: string;
  employmentType: EmploymentType;
  /** Jabatan. */
  position: string;
  phone?: string;
  email?: string;
}

/** A person by natural key inside an event's region: name within agency. */
export interface PersonRef {
  agencyName: string;
  fullName: string;
}

/** Every demo user logs in with {@link DEMO_PASSWORD}. */
export type DemoUser =
  | { role: 'ADMIN'; email: string; fullName: string; active: boolean }
  | { role: 'ORGANIZER' | 'VIEWER' | 'CHECKIN'; email: string; fullName: string; regionCode: string; active: boolean }
  | { role: 'AGENCY_REP'; email: string; fullName: string; regionCode: string; agencyName: string; active: boolean };

export interface DemoSpeaker {
  regionCode: string;
  /** Unique within the region's registry. */
  fullName: string;
  title: string;
  organization: string;
}

export interface DemoEventSpeaker {
  /** A speaker of the event's region, by `fullName`. */
  speakerName: string;
  topic: string;
  startsAt: string;
  endsAt: string;
  order: number;
}

export interface DemoAttendee {
  /** A person of the invitation's agency, by `fullName`. */
  fullName: string;
  /** Sent in place of the invited head ("Kapolres diwakilkan", "Dandim diwakili Pabung"). */
  delegate: boolean;
  /** Free-text remark for the demo (not a domain field). */
  note?: string;
}

export interface DemoInvitation {
  /** An agency of the event's region, by `name`; one invitation per (event, agency). */
  agencyName: string;
  addresseeTitle: string;
  /** The invited head, when the registry knows them: a person of the same agency, by `fullName`. */
  addresseePersonName?: string;
  seats: number;
  status: InvitationStatus;
  /** Set once the invitation is CONFIRMED or DECLINED. */
  respondedAt?: string;
  reason?: string;
  /** Only on CONFIRMED invitations; at most `seats`. */
  attendees: DemoAttendee[];
}

export interface DemoCheckIn extends PersonRef {
  checkedInAt: string;
  method: CheckInMethod;
  deviceId?: string;
  clientCheckinId?: string;
  /** Not named on any invitation: registered at the door. */
  walkIn?: boolean;
}

export interface DemoEvent {
  regionCode: string;
  title: string;
  type: EventType;
  topics: EventTopic[];
  /** By election `name`; null when the event is not tied to one election. */
  electionName: string | null;
  organizer: string;
  venueName: string;
  venueAddress: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  letterNumber: string | null;
  status: EventStatus;
  speakers: DemoEventSpeaker[];
  invitations: DemoInvitation[];
  checkIns: DemoCheckIn[];
}

/** An event by natural key inside a region: title and the local date (`YYYY-MM-DD`) of `startsAt`. */
export interface EventRef {
  title: string;
  date: string;
}

/** An agency relaying the material to its own staff after an event. */
export interface DemoCascade {
  regionCode: string;
  agencyName: string;
  sourceEvent: EventRef | null;
  /** `YYYY-MM-DD` */
  heldOn: string;
  reached: Headcount;
  notes?: string;
}

/**
 * The Kesbangpol office of a region: the letterhead and signatory its documents print. The
 * signatory is the head of the region's Kesbangpol as registered among its people (same name
 * and NIP).
 */
export interface DemoOffice {
  regionCode: string;
  government: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  /** Place of signing. */
  city: string;
  signatory: { name: string; position: string; rank: string; nip: string };
}

/** A pledge template (reference data, matched by title and version). */
export interface DemoPledgeTemplate {
  title: string;
  version: number;
  clauses: readonly string[];
  legalBasis: string;
}

export interface DemoData {
  provinces: readonly DemoRegion[];
  regions: readonly DemoRegion[];
  offices: readonly DemoOffice[];
  elections: readonly DemoElection[];
  agencies: readonly DemoAgency[];
  people: readonly DemoPerson[];
  users: readonly DemoUser[];
  speakers: readonly DemoSpeaker[];
  events: readonly DemoEvent[];
  cascades: readonly DemoCascade[];
  /** Everyone checked in at the stories' events signs the first (SELF), at the end of the programme. */
  pledgeTemplates: readonly DemoPledgeTemplate[];
}

/** The one documented password of every demo login. Never use the demo data set in production. */
export const DEMO_PASSWORD = 'Netralitas-Demo-2024';

// ---------------------------------------------------------------------------------------------
// Regions and elections
// ---------------------------------------------------------------------------------------------

const JATIM = '35';
const KALTIM = '64';
const SUMSEL = '16';
const BATU = '35.79';
const KAB_MALANG = '35.07';
const PASURUAN = '35.75';
const BALIKPAPAN = '64.71';
const PRABUMULIH = '16.74';

export const provinces: readonly DemoRegion[] = [
  { code: JATIM, name: 'Jawa Timur', level: 'PROVINCE', parentCode: null, timezone: 'Asia/Jakarta' },
  { code: KALTIM, name: 'Kalimantan Timur', level: 'PROVINCE', parentCode: null, timezone: 'Asia/Makassar' },
  { code: SUMSEL, name: 'Sumatera Selatan', level: 'PROVINCE', parentCode: null, timezone: 'Asia/Jakarta' },
];

export const regions: readonly DemoRegion[] = [
  { code: BATU, name: 'Kota Batu', level: 'CITY', parentCode: JATIM, timezone: 'Asia/Jakarta' },
  { code: KAB_MALANG, name: 'Kabupaten Malang', level: 'REGENCY', parentCode: JATIM, timezone: 'Asia/Jakarta' },
  { code: PASURUAN, name: 'Kota Pasuruan', level: 'CITY', parentCode: JATIM, timezone: 'Asia/Jakarta' },
  { code: BALIKPAPAN, name: 'Kota Balikpapan', level: 'CITY', parentCode: KALTIM, timezone: 'Asia/Makassar' },
  { code: PRABUMULIH, name: 'Kota Prabumulih', level: 'CITY', parentCode: SUMSEL, timezone: 'Asia/Jakarta' },
];

// Addresses are those of each government's offices; telephone numbers and e-mail addresses are
// synthetic like every other contact in this data set. Ranks (pangkat/golongan) are plausible for
// the head of a regional body (JPT Pratama), not taken from the stories.
export const offices: readonly DemoOffice[] = [
  {
    regionCode: BATU,
    government: 'PEMERINTAH KOTA BATU',
    name: 'BADAN KESATUAN BANGSA DAN POLITIK',
    address: 'Balai Kota Among Tani, Jalan Panglima Sudirman Nomor 507, Kota Batu, Jawa Timur 65313',
    phone: '(0341) 000 501',
    email: 'bakesbangpol.batu@demo.netralitas.id',
    website: 'batukota.go.id',
    city: 'Batu',
    signatory: { name: 'Drs. Heru Wahyudi, M.Si.', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Batu', rank: 'Pembina Tingkat I (IV/b)', nip: '197003151997031006' },
  },
  {
    regionCode: KAB_MALANG,
    government: 'PEMERINTAH KABUPATEN MALANG',
    name: 'BADAN KESATUAN BANGSA DAN POLITIK',
    address: 'Jalan Panji Nomor 158, Kepanjen, Kabupaten Malang, Jawa Timur 65163',
    phone: '(0341) 000 502',
    email: 'bakesbangpol.malangkab@demo.netralitas.id',
    website: 'malangkab.go.id',
    city: 'Kepanjen',
    signatory: { name: 'Drs. Joko Santoso, M.Si.', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Malang', rank: 'Pembina Utama Muda (IV/c)', nip: '197005201996031003' },
  },
  {
    regionCode: PASURUAN,
    government: 'PEMERINTAH KOTA PASURUAN',
    name: 'BADAN KESATUAN BANGSA DAN POLITIK',
    address: 'Jalan Pahlawan Nomor 28, Kota Pasuruan, Jawa Timur 67115',
    phone: '(0343) 000 503',
    email: 'bakesbangpol.pasuruan@demo.netralitas.id',
    website: 'pasuruankota.go.id',
    city: 'Pasuruan',
    signatory: { name: 'Drs. M. Nur Hasan, M.M.', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Pasuruan', rank: 'Pembina Tingkat I (IV/b)', nip: '196909081995031004' },
  },
  {
    regionCode: BALIKPAPAN,
    government: 'PEMERINTAH KOTA BALIKPAPAN',
    name: 'BADAN KESATUAN BANGSA DAN POLITIK',
    address: 'Jalan Jenderal Sudirman Nomor 1, Klandasan Ulu, Balikpapan, Kalimantan Timur 76112',
    phone: '(0542) 000 504',
    email: 'kesbangpol.balikpapan@demo.netralitas.id',
    website: 'balikpapan.go.id',
    city: 'Balikpapan',
    // Sutadi is named in the story; his NIP here is synthetic.
    signatory: { name: 'Sutadi', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Balikpapan', rank: 'Pembina Utama Muda (IV/c)', nip: '196706171992031005' },
  },
  {
    regionCode: PRABUMULIH,
    government: 'PEMERINTAH KOTA PRABUMULIH',
    name: 'BADAN KESATUAN BANGSA DAN POLITIK',
    address: 'Jalan Jenderal Sudirman Nomor 1, Kota Prabumulih, Sumatera Selatan 31111',
    phone: '(0713) 000 505',
    email: 'kesbangpol.prabumulih@demo.netralitas.id',
    website: 'prabumulihkota.go.id',
    city: 'Prabumulih',
    // Ahmad Daswan is named in the story; his NIP here is synthetic.
    signatory: { name: 'Ahmad Daswan, S.E., M.M.', position: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Prabumulih', rank: 'Pembina Tingkat I (IV/b)', nip: '197209141998031004' },
  },
];

const PILKADA_2020 = 'Pilkada Serentak 2020';
const PEMILU_2024 = 'Pemilu 2024';
const PILKADA_2024 = 'Pilkada Serentak 2024';

export const elections: readonly DemoElection[] = [
  // Originally scheduled for 23 September 2020 (the date quoted in the Pasuruan story); moved to
  // 9 December 2020 because of the COVID-19 pandemic (Perppu 2/2020).
  { name: PILKADA_2020, type: 'SERENTAK', votingDate: '2020-12-09' },
  // Presidential and legislative elections held together.
  { name: PEMILU_2024, type: 'SERENTAK', votingDate: '2024-02-14' },
  { name: PILKADA_2024, type: 'SERENTAK', votingDate: '2024-11-27' },
];

// ---------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------

const BATU_AS_OF = '2024-06-30';
const MALANG_AS_OF = '2023-12-31';
const PASURUAN_AS_OF = '2019-12-31';
const BALIKPAPAN_AS_OF = '2023-06-30';
const PRABUMULIH_AS_OF = '2024-06-30';

const batuAgencies: DemoAgency[] = [
  // OPD
  { regionCode: BATU, name: 'Sekretariat Daerah Kota Batu', shortName: 'Setda', category: 'OPD', headTitle: 'Sekretaris Daerah', headcount: { pns: 182, pppk: 12, nonAsn: 118 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Badan Kesatuan Bangsa dan Politik Kota Batu', shortName: 'Bakesbangpol', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 24, pppk: 2, nonAsn: 11 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Dinas Pendidikan Kota Batu', shortName: 'Dindik', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 1148, pppk: 642, nonAsn: 307 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Dinas Kesehatan Kota Batu', shortName: 'Dinkes', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 381, pppk: 148, nonAsn: 172 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Batu', shortName: 'BKPSDM', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 41, pppk: 3, nonAsn: 12 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Dinas Komunikasi dan Informatika Kota Batu', shortName: 'Diskominfo', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 37, pppk: 4, nonAsn: 23 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Satuan Polisi Pamong Praja Kota Batu', shortName: 'Satpol PP', category: 'OPD', headTitle: 'Kepala Satuan', headcount: { pns: 46, pppk: 0, nonAsn: 138 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Inspektorat Kota Batu', shortName: 'Inspektorat', category: 'OPD', headTitle: 'Inspektur', headcount: { pns: 47, pppk: 2, nonAsn: 6 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Rumah Sakit Umum Daerah Kota Batu', shortName: 'RSUD Kota Batu', category: 'OPD', headTitle: 'Direktur', headcount: { pns: 212, pppk: 94, nonAsn: 263 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Dinas Pariwisata Kota Batu', shortName: 'Disparta', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 52, pppk: 6, nonAsn: 31 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Batu', shortName: 'Dispendukcapil', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 39, pppk: 5, nonAsn: 26 }, headcountAsOf: BATU_AS_OF },
  // Not invited to the full hall: the coverage report lists it among the gaps.
  { regionCode: BATU, name: 'Dinas Perhubungan Kota Batu', shortName: 'Dishub', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 58, pppk: 4, nonAsn: 71 }, headcountAsOf: BATU_AS_OF },
  // Kecamatan, kelurahan, desa
  { regionCode: BATU, name: 'Kecamatan Batu', shortName: 'Kec. Batu', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 34, pppk: 3, nonAsn: 15 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Kecamatan Junrejo', shortName: 'Kec. Junrejo', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 27, pppk: 2, nonAsn: 12 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Kecamatan Bumiaji', shortName: 'Kec. Bumiaji', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 29, pppk: 2, nonAsn: 13 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Kelurahan Sisir', shortName: 'Kel. Sisir', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Batu', headcount: { pns: 9, pppk: 1, nonAsn: 5 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Kelurahan Ngaglik', shortName: 'Kel. Ngaglik', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Batu', headcount: { pns: 8, pppk: 1, nonAsn: 4 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Kelurahan Dadaprejo', shortName: 'Kel. Dadaprejo', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Junrejo', headcount: { pns: 8, pppk: 0, nonAsn: 4 }, headcountAsOf: BATU_AS_OF },
  // Perangkat desa are not ASN.
  { regionCode: BATU, name: 'Desa Tulungrejo', shortName: 'Ds. Tulungrejo', category: 'DESA', headTitle: 'Kepala Desa', parentAgencyName: 'Kecamatan Bumiaji', headcount: { pns: 0, pppk: 0, nonAsn: 14 }, headcountAsOf: BATU_AS_OF },
  // SMA/SMK are provincial (Dinas Pendidikan Provinsi Jawa Timur) but listed in the city's list.
  { regionCode: BATU, name: 'SMA Negeri 1 Batu', shortName: 'SMAN 1 Batu', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 47, pppk: 14, nonAsn: 12 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'SMA Negeri 2 Batu', shortName: 'SMAN 2 Batu', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 39, pppk: 12, nonAsn: 10 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'SMK Negeri 1 Batu', shortName: 'SMKN 1 Batu', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 55, pppk: 21, nonAsn: 18 }, headcountAsOf: BATU_AS_OF },
  // Vertical offices: only civilian staff counted.
  { regionCode: BATU, name: 'Polres Batu', shortName: 'Polres Batu', category: 'VERTICAL', headTitle: 'Kapolres', headcount: { pns: 14, pppk: 0, nonAsn: 0 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Kodim 0818/Kabupaten Malang-Batu', shortName: 'Kodim 0818', category: 'VERTICAL', headTitle: 'Dandim', headcount: { pns: 9, pppk: 0, nonAsn: 0 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Kantor Kementerian Agama Kota Batu', shortName: 'Kemenag Kota Batu', category: 'VERTICAL', headTitle: 'Kepala Kantor', headcount: { pns: 96, pppk: 31, nonAsn: 22 }, headcountAsOf: BATU_AS_OF },
  // Election bodies: secretariat staff (commissioners are not ASN).
  { regionCode: BATU, name: 'KPU Kota Batu', shortName: 'KPU Kota Batu', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 16, pppk: 0, nonAsn: 10 }, headcountAsOf: BATU_AS_OF },
  { regionCode: BATU, name: 'Bawaslu Kota Batu', shortName: 'Bawaslu Kota Batu', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 8, pppk: 0, nonAsn: 14 }, headcountAsOf: BATU_AS_OF },
];

const malangAgencies: DemoAgency[] = [
  { regionCode: KAB_MALANG, name: 'Sekretariat Daerah Kabupaten Malang', shortName: 'Setda', category: 'OPD', headTitle: 'Sekretaris Daerah', headcount: { pns: 264, pppk: 18, nonAsn: 152 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Badan Kesatuan Bangsa dan Politik Kabupaten Malang', shortName: 'Bakesbangpol', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 31, pppk: 2, nonAsn: 14 }, headcountAsOf: MALANG_AS_OF },
  // Reported as "BKSDM" in the story.
  { regionCode: KAB_MALANG, name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Malang', shortName: 'BKPSDM', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 68, pppk: 6, nonAsn: 21 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Inspektorat Kabupaten Malang', shortName: 'Inspektorat', category: 'OPD', headTitle: 'Inspektur', headcount: { pns: 79, pppk: 3, nonAsn: 9 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Dinas Pendidikan Kabupaten Malang', shortName: 'Dindik', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 6810, pppk: 4215, nonAsn: 2093 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Dinas Kesehatan Kabupaten Malang', shortName: 'Dinkes', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 1487, pppk: 612, nonAsn: 704 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Dinas Komunikasi dan Informatika Kabupaten Malang', shortName: 'Diskominfo', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 58, pppk: 7, nonAsn: 34 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Satuan Polisi Pamong Praja Kabupaten Malang', shortName: 'Satpol PP', category: 'OPD', headTitle: 'Kepala Satuan', headcount: { pns: 92, pppk: 0, nonAsn: 241 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Rumah Sakit Umum Daerah Kanjuruhan', shortName: 'RSUD Kanjuruhan', category: 'OPD', headTitle: 'Direktur', headcount: { pns: 418, pppk: 176, nonAsn: 523 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Kecamatan Kepanjen', shortName: 'Kec. Kepanjen', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 38, pppk: 3, nonAsn: 17 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Kecamatan Lawang', shortName: 'Kec. Lawang', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 31, pppk: 2, nonAsn: 15 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Kecamatan Singosari', shortName: 'Kec. Singosari', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 35, pppk: 2, nonAsn: 16 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Kecamatan Turen', shortName: 'Kec. Turen', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 30, pppk: 2, nonAsn: 14 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Kelurahan Penarukan', shortName: 'Kel. Penarukan', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Kepanjen', headcount: { pns: 7, pppk: 1, nonAsn: 4 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Desa Toyomarto', shortName: 'Ds. Toyomarto', category: 'DESA', headTitle: 'Kepala Desa', parentAgencyName: 'Kecamatan Singosari', headcount: { pns: 0, pppk: 0, nonAsn: 15 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'SMA Negeri 1 Kepanjen', shortName: 'SMAN 1 Kepanjen', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 51, pppk: 15, nonAsn: 13 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'SMK Negeri 1 Singosari', shortName: 'SMKN 1 Singosari', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 63, pppk: 24, nonAsn: 22 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Polres Malang', shortName: 'Polres Malang', category: 'VERTICAL', headTitle: 'Kapolres', headcount: { pns: 22, pppk: 0, nonAsn: 0 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Kodim 0818/Kabupaten Malang-Batu', shortName: 'Kodim 0818', category: 'VERTICAL', headTitle: 'Dandim', headcount: { pns: 11, pppk: 0, nonAsn: 0 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Kantor Kementerian Agama Kabupaten Malang', shortName: 'Kemenag Kab. Malang', category: 'VERTICAL', headTitle: 'Kepala Kantor', headcount: { pns: 412, pppk: 96, nonAsn: 88 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'KPU Kabupaten Malang', shortName: 'KPU Kab. Malang', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 21, pppk: 0, nonAsn: 12 }, headcountAsOf: MALANG_AS_OF },
  { regionCode: KAB_MALANG, name: 'Bawaslu Kabupaten Malang', shortName: 'Bawaslu Kab. Malang', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 10, pppk: 0, nonAsn: 19 }, headcountAsOf: MALANG_AS_OF },
];

// Kota Pasuruan as of the end of 2019: no PPPK had been appointed yet.
const pasuruanAgencies: DemoAgency[] = [
  { regionCode: PASURUAN, name: 'Sekretariat Daerah Kota Pasuruan', shortName: 'Setda', category: 'OPD', headTitle: 'Sekretaris Daerah', headcount: { pns: 158, pppk: 0, nonAsn: 96 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Badan Kesatuan Bangsa dan Politik Kota Pasuruan', shortName: 'Bakesbangpol', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 21, pppk: 0, nonAsn: 9 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Pasuruan', shortName: 'BKPSDM', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 36, pppk: 0, nonAsn: 10 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Dinas Pendidikan dan Kebudayaan Kota Pasuruan', shortName: 'Dindikbud', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 1092, pppk: 0, nonAsn: 418 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Dinas Kesehatan Kota Pasuruan', shortName: 'Dinkes', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 297, pppk: 0, nonAsn: 163 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Dinas Komunikasi dan Informatika Kota Pasuruan', shortName: 'Diskominfo', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 33, pppk: 0, nonAsn: 21 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Inspektorat Kota Pasuruan', shortName: 'Inspektorat', category: 'OPD', headTitle: 'Inspektur', headcount: { pns: 42, pppk: 0, nonAsn: 5 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Satuan Polisi Pamong Praja Kota Pasuruan', shortName: 'Satpol PP', category: 'OPD', headTitle: 'Kepala Satuan', headcount: { pns: 39, pppk: 0, nonAsn: 112 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'RSUD dr. R. Soedarsono', shortName: 'RSUD Soedarsono', category: 'OPD', headTitle: 'Direktur', headcount: { pns: 286, pppk: 0, nonAsn: 402 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kecamatan Gadingrejo', shortName: 'Kec. Gadingrejo', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 24, pppk: 0, nonAsn: 10 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kecamatan Purworejo', shortName: 'Kec. Purworejo', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 23, pppk: 0, nonAsn: 9 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kecamatan Bugul Kidul', shortName: 'Kec. Bugul Kidul', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 22, pppk: 0, nonAsn: 9 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kecamatan Panggungrejo', shortName: 'Kec. Panggungrejo', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 26, pppk: 0, nonAsn: 11 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kelurahan Trajeng', shortName: 'Kel. Trajeng', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Panggungrejo', headcount: { pns: 7, pppk: 0, nonAsn: 4 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kelurahan Pohjentrek', shortName: 'Kel. Pohjentrek', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Purworejo', headcount: { pns: 6, pppk: 0, nonAsn: 3 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kelurahan Karangketug', shortName: 'Kel. Karangketug', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Gadingrejo', headcount: { pns: 6, pppk: 0, nonAsn: 4 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'SMA Negeri 1 Pasuruan', shortName: 'SMAN 1 Pasuruan', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 44, pppk: 0, nonAsn: 17 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'SMK Negeri 1 Pasuruan', shortName: 'SMKN 1 Pasuruan', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 49, pppk: 0, nonAsn: 26 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Polres Pasuruan Kota', shortName: 'Polres Pasuruan Kota', category: 'VERTICAL', headTitle: 'Kapolres', headcount: { pns: 13, pppk: 0, nonAsn: 0 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kodim 0819/Pasuruan', shortName: 'Kodim 0819', category: 'VERTICAL', headTitle: 'Dandim', headcount: { pns: 8, pppk: 0, nonAsn: 0 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Kantor Kementerian Agama Kota Pasuruan', shortName: 'Kemenag Kota Pasuruan', category: 'VERTICAL', headTitle: 'Kepala Kantor', headcount: { pns: 88, pppk: 0, nonAsn: 27 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'KPU Kota Pasuruan', shortName: 'KPU Kota Pasuruan', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 15, pppk: 0, nonAsn: 9 }, headcountAsOf: PASURUAN_AS_OF },
  { regionCode: PASURUAN, name: 'Bawaslu Kota Pasuruan', shortName: 'Bawaslu Kota Pasuruan', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 7, pppk: 0, nonAsn: 12 }, headcountAsOf: PASURUAN_AS_OF },
  // The story's audience is "ASN yang tergabung dalam Korpri". Korpri members are counted in their own
  // agencies; this row counts only the staff of the Korpri secretariat.
  { regionCode: PASURUAN, name: 'Dewan Pengurus Korpri Kota Pasuruan', shortName: 'Korpri', category: 'OTHER', headTitle: 'Ketua Dewan Pengurus', headcount: { pns: 4, pppk: 0, nonAsn: 2 }, headcountAsOf: PASURUAN_AS_OF },
];

const balikpapanAgencies: DemoAgency[] = [
  { regionCode: BALIKPAPAN, name: 'Sekretariat Daerah Kota Balikpapan', shortName: 'Setda', category: 'OPD', headTitle: 'Sekretaris Daerah', headcount: { pns: 241, pppk: 9, nonAsn: 187 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Badan Kesatuan Bangsa dan Politik Kota Balikpapan', shortName: 'Kesbangpol', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 27, pppk: 1, nonAsn: 16 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Balikpapan', shortName: 'BKPSDM', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 58, pppk: 4, nonAsn: 25 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Kota Balikpapan', shortName: 'DP3AKB', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 64, pppk: 22, nonAsn: 48 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Dinas Komunikasi dan Informatika Kota Balikpapan', shortName: 'Diskominfo', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 46, pppk: 9, nonAsn: 41 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan', shortName: 'Disdikbud', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 2315, pppk: 1108, nonAsn: 1274 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Dinas Kesehatan Kota Balikpapan', shortName: 'DKK', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 612, pppk: 187, nonAsn: 356 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Satuan Polisi Pamong Praja Kota Balikpapan', shortName: 'Satpol PP', category: 'OPD', headTitle: 'Kepala Satuan', headcount: { pns: 71, pppk: 0, nonAsn: 233 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Inspektorat Kota Balikpapan', shortName: 'Inspektorat', category: 'OPD', headTitle: 'Inspektur', headcount: { pns: 63, pppk: 2, nonAsn: 11 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'RSUD Beriman Balikpapan', shortName: 'RSUD Beriman', category: 'OPD', headTitle: 'Direktur', headcount: { pns: 224, pppk: 85, nonAsn: 318 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kecamatan Balikpapan Kota', shortName: 'Kec. Balikpapan Kota', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 29, pppk: 2, nonAsn: 18 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kecamatan Balikpapan Selatan', shortName: 'Kec. Balikpapan Selatan', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 31, pppk: 2, nonAsn: 20 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kecamatan Balikpapan Utara', shortName: 'Kec. Balikpapan Utara', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 30, pppk: 2, nonAsn: 19 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kecamatan Balikpapan Timur', shortName: 'Kec. Balikpapan Timur', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 27, pppk: 1, nonAsn: 17 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kecamatan Balikpapan Barat', shortName: 'Kec. Balikpapan Barat', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 26, pppk: 1, nonAsn: 16 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kecamatan Balikpapan Tengah', shortName: 'Kec. Balikpapan Tengah', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 28, pppk: 2, nonAsn: 17 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kelurahan Klandasan Ilir', shortName: 'Kel. Klandasan Ilir', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Balikpapan Kota', headcount: { pns: 8, pppk: 1, nonAsn: 6 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kelurahan Sepinggan', shortName: 'Kel. Sepinggan', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Balikpapan Selatan', headcount: { pns: 9, pppk: 1, nonAsn: 7 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kelurahan Muara Rapak', shortName: 'Kel. Muara Rapak', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Balikpapan Utara', headcount: { pns: 8, pppk: 0, nonAsn: 7 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kelurahan Manggar', shortName: 'Kel. Manggar', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Balikpapan Timur', headcount: { pns: 8, pppk: 1, nonAsn: 6 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'SMA Negeri 1 Balikpapan', shortName: 'SMAN 1 Balikpapan', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 52, pppk: 13, nonAsn: 15 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'SMK Negeri 1 Balikpapan', shortName: 'SMKN 1 Balikpapan', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 58, pppk: 17, nonAsn: 21 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Polresta Balikpapan', shortName: 'Polresta Balikpapan', category: 'VERTICAL', headTitle: 'Kapolresta', headcount: { pns: 24, pppk: 0, nonAsn: 0 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kodim 0905/Balikpapan', shortName: 'Kodim 0905', category: 'VERTICAL', headTitle: 'Dandim', headcount: { pns: 10, pppk: 0, nonAsn: 0 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Kantor Kementerian Agama Kota Balikpapan', shortName: 'Kemenag Kota Balikpapan', category: 'VERTICAL', headTitle: 'Kepala Kantor', headcount: { pns: 121, pppk: 38, nonAsn: 29 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'KPU Kota Balikpapan', shortName: 'KPU Kota Balikpapan', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 18, pppk: 0, nonAsn: 11 }, headcountAsOf: BALIKPAPAN_AS_OF },
  { regionCode: BALIKPAPAN, name: 'Bawaslu Kota Balikpapan', shortName: 'Bawaslu Kota Balikpapan', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 9, pppk: 0, nonAsn: 17 }, headcountAsOf: BALIKPAPAN_AS_OF },
  // The city's water utility: its employees are not ASN. Never invited in the demo (shows up as a gap).
  { regionCode: BALIKPAPAN, name: 'Perumda Air Minum Tirta Manuntung Balikpapan', shortName: 'PDAM Tirta Manuntung', category: 'BUMD', headTitle: 'Direktur Utama', headcount: { pns: 0, pppk: 0, nonAsn: 476 }, headcountAsOf: BALIKPAPAN_AS_OF },
];

const prabumulihAgencies: DemoAgency[] = [
  { regionCode: PRABUMULIH, name: 'Sekretariat Daerah Kota Prabumulih', shortName: 'Setda', category: 'OPD', headTitle: 'Sekretaris Daerah', headcount: { pns: 146, pppk: 11, nonAsn: 203 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Badan Kesatuan Bangsa dan Politik Kota Prabumulih', shortName: 'Kesbangpol', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 19, pppk: 2, nonAsn: 24 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Prabumulih', shortName: 'BKPSDM', category: 'OPD', headTitle: 'Kepala Badan', headcount: { pns: 34, pppk: 3, nonAsn: 28 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Dinas Pendidikan Kota Prabumulih', shortName: 'Disdik', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 1036, pppk: 712, nonAsn: 386 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Dinas Kesehatan Kota Prabumulih', shortName: 'Dinkes', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 318, pppk: 164, nonAsn: 207 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Dinas Komunikasi dan Informatika Kota Prabumulih', shortName: 'Diskominfo', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 29, pppk: 4, nonAsn: 37 }, headcountAsOf: PRABUMULIH_AS_OF },
  // Street sweepers and drivers: mostly pegawai harian lepas (PHL).
  { regionCode: PRABUMULIH, name: 'Dinas Lingkungan Hidup Kota Prabumulih', shortName: 'DLH', category: 'OPD', headTitle: 'Kepala Dinas', headcount: { pns: 84, pppk: 19, nonAsn: 421 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Satuan Polisi Pamong Praja Kota Prabumulih', shortName: 'Satpol PP', category: 'OPD', headTitle: 'Kepala Satuan', headcount: { pns: 38, pppk: 0, nonAsn: 176 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Inspektorat Kota Prabumulih', shortName: 'Inspektorat', category: 'OPD', headTitle: 'Inspektur', headcount: { pns: 41, pppk: 2, nonAsn: 9 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'RSUD Kota Prabumulih', shortName: 'RSUD Prabumulih', category: 'OPD', headTitle: 'Direktur', headcount: { pns: 196, pppk: 88, nonAsn: 241 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kecamatan Prabumulih Barat', shortName: 'Kec. Prabumulih Barat', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 22, pppk: 2, nonAsn: 16 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kecamatan Prabumulih Timur', shortName: 'Kec. Prabumulih Timur', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 25, pppk: 2, nonAsn: 18 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kecamatan Prabumulih Utara', shortName: 'Kec. Prabumulih Utara', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 21, pppk: 1, nonAsn: 15 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kecamatan Prabumulih Selatan', shortName: 'Kec. Prabumulih Selatan', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 20, pppk: 1, nonAsn: 14 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kecamatan Cambai', shortName: 'Kec. Cambai', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 18, pppk: 1, nonAsn: 13 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kecamatan Rambang Kapak Tengah', shortName: 'Kec. RKT', category: 'KECAMATAN', headTitle: 'Camat', headcount: { pns: 19, pppk: 1, nonAsn: 14 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kelurahan Gunung Ibul', shortName: 'Kel. Gunung Ibul', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Prabumulih Timur', headcount: { pns: 7, pppk: 1, nonAsn: 8 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kelurahan Cambai', shortName: 'Kel. Cambai', category: 'KELURAHAN', headTitle: 'Lurah', parentAgencyName: 'Kecamatan Cambai', headcount: { pns: 6, pppk: 0, nonAsn: 7 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'SMA Negeri 1 Prabumulih', shortName: 'SMAN 1 Prabumulih', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 46, pppk: 16, nonAsn: 14 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'SMK Negeri 1 Prabumulih', shortName: 'SMKN 1 Prabumulih', category: 'SCHOOL', headTitle: 'Kepala Sekolah', headcount: { pns: 41, pppk: 19, nonAsn: 17 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Polres Prabumulih', shortName: 'Polres Prabumulih', category: 'VERTICAL', headTitle: 'Kapolres', headcount: { pns: 11, pppk: 0, nonAsn: 0 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Kantor Kementerian Agama Kota Prabumulih', shortName: 'Kemenag Kota Prabumulih', category: 'VERTICAL', headTitle: 'Kepala Kantor', headcount: { pns: 79, pppk: 27, nonAsn: 23 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'KPU Kota Prabumulih', shortName: 'KPU Kota Prabumulih', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 14, pppk: 0, nonAsn: 10 }, headcountAsOf: PRABUMULIH_AS_OF },
  { regionCode: PRABUMULIH, name: 'Bawaslu Kota Prabumulih', shortName: 'Bawaslu Kota Prabumulih', category: 'ELECTION_BODY', headTitle: 'Ketua', headcount: { pns: 7, pppk: 0, nonAsn: 15 }, headcountAsOf: PRABUMULIH_AS_OF },
];

export const agencies: readonly DemoAgency[] = [...batuAgencies, ...malangAgencies, ...pasuruanAgencies, ...balikpapanAgencies, ...prabumulihAgencies];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

const B = {
  setda: 'Sekretariat Daerah Kota Batu',
  kesbang: 'Badan Kesatuan Bangsa dan Politik Kota Batu',
  dindik: 'Dinas Pendidikan Kota Batu',
  dinkes: 'Dinas Kesehatan Kota Batu',
  bkpsdm: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Batu',
  kominfo: 'Dinas Komunikasi dan Informatika Kota Batu',
  satpol: 'Satuan Polisi Pamong Praja Kota Batu',
  inspektorat: 'Inspektorat Kota Batu',
  rsud: 'Rumah Sakit Umum Daerah Kota Batu',
  disparta: 'Dinas Pariwisata Kota Batu',
  kecBatu: 'Kecamatan Batu',
  kecJunrejo: 'Kecamatan Junrejo',
  kelSisir: 'Kelurahan Sisir',
  sman1: 'SMA Negeri 1 Batu',
  sman2: 'SMA Negeri 2 Batu',
  smkn1: 'SMK Negeri 1 Batu',
  polres: 'Polres Batu',
  kodim: 'Kodim 0818/Kabupaten Malang-Batu',
  kemenag: 'Kantor Kementerian Agama Kota Batu',
  bawaslu: 'Bawaslu Kota Batu',
} as const;

const batuPeople: DemoPerson[] = [
  // Named in the story ("Staf Ahli SDM, Supriyanto, S.Sos., MH", representing the Pj. Wali Kota).
  { regionCode: BATU, agencyName: B.setda, fullName: 'Supriyanto, S.Sos., M.H.', nip: '196805141993031004', employmentType: 'PNS', position: 'Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia' },
  { regionCode: BATU, agencyName: B.setda, fullName: 'Rina Wulandari, S.IP.', nip: '198509222010012015', employmentType: 'PNS', position: 'Analis Kebijakan Ahli Muda pada Bagian Pemerintahan', phone: '081200010201', email: 'rina.wulandari@demo.netralitas.id' },
  { regionCode: BATU, agencyName: B.kesbang, fullName: 'Drs. Heru Wahyudi, M.Si.', nip: '197003151997031006', employmentType: 'PNS', position: 'Kepala Badan Kesatuan Bangsa dan Politik' },
  { regionCode: BATU, agencyName: B.kesbang, fullName: 'Dewi Anggraini, S.Sos.', nip: '198707042011012009', employmentType: 'PNS', position: 'Analis Kebijakan Ahli Muda', phone: '081200010202', email: 'dewi.anggraini@demo.netralitas.id' },
  { regionCode: BATU, agencyName: B.kesbang, fullName: 'Fajar Nugroho, S.IP.', nip: '199811022024061001', employmentType: 'CPNS', position: 'Analis Kebijakan Ahli Pertama' },
  { regionCode: BATU, agencyName: B.kesbang, fullName: 'Yudi Prasetyo', employmentType: 'NON_ASN', position: 'Tenaga Pendukung Operasional (Tenaga Harian Lepas)', phone: '081200010203' },
  { regionCode: BATU, agencyName: B.dindik, fullName: 'Dr. Hendra Kurniawan, M.Pd.', nip: '197204181998031003', employmentType: 'PNS', position: 'Kepala Dinas Pendidikan' },
  { regionCode: BATU, agencyName: B.dindik, fullName: 'Novita Sari, S.Kom.', nip: '199303072019032012', employmentType: 'PNS', position: 'Pranata Komputer Ahli Pertama', phone: '081200010204', email: 'novita.sari@demo.netralitas.id' },
  { regionCode: BATU, agencyName: B.dindik, fullName: 'Siti Maisaroh, S.Pd.', nip: '199002112022212041', employmentType: 'PPPK', position: 'Guru Ahli Pertama' },
  { regionCode: BATU, agencyName: B.dinkes, fullName: 'dr. Ratna Puspitasari, M.Kes.', nip: '197511092003122004', employmentType: 'PNS', position: 'Kepala Dinas Kesehatan' },
  { regionCode: BATU, agencyName: B.dinkes, fullName: 'Eko Wahyudi, A.Md.Kep.', nip: '198806152023211027', employmentType: 'PPPK', position: 'Perawat Terampil' },
  { regionCode: BATU, agencyName: B.bkpsdm, fullName: 'Tri Handayani, S.Psi.', nip: '198411172009022006', employmentType: 'PNS', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { regionCode: BATU, agencyName: B.kominfo, fullName: 'Ahmad Fauzi, S.T.', nip: '198201262009011007', employmentType: 'PNS', position: 'Pranata Hubungan Masyarakat Ahli Muda' },
  { regionCode: BATU, agencyName: B.inspektorat, fullName: 'Lilik Sumarni, S.E., M.Ak.', nip: '197808302005012011', employmentType: 'PNS', position: 'Auditor Ahli Madya' },
  { regionCode: BATU, agencyName: B.rsud, fullName: 'Wahyu Setiawan', employmentType: 'NON_ASN', position: 'Tenaga Administrasi (Tenaga Harian Lepas)' },
  { regionCode: BATU, agencyName: B.disparta, fullName: 'Mega Lestari, S.Par.', nip: '199512032023212009', employmentType: 'PPPK', position: 'Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama' },
  { regionCode: BATU, agencyName: B.kecBatu, fullName: 'Agung Prasetyo, S.STP., M.Si.', nip: '198104042003121002', employmentType: 'PNS', position: 'Camat Batu' },
  { regionCode: BATU, agencyName: B.kecJunrejo, fullName: 'Sholeh Hadi, S.Sos.', nip: '197606102002121004', employmentType: 'PNS', position: 'Sekretaris Kecamatan Junrejo' },
  { regionCode: BATU, agencyName: B.kelSisir, fullName: 'Dian Kartikasari, S.AP.', nip: '198612012010012020', employmentType: 'PNS', position: 'Lurah Sisir' },
  { regionCode: BATU, agencyName: B.sman1, fullName: 'Drs. Suwarno, M.Pd.', nip: '196807121994031008', employmentType: 'PNS', position: 'Guru Ahli Madya, Kepala SMA Negeri 1 Batu' },
  { regionCode: BATU, agencyName: B.sman1, fullName: 'Anisa Rahmawati, S.Pd.', nip: '199407182022212015', employmentType: 'PPPK', position: 'Guru Ahli Pertama' },
  { regionCode: BATU, agencyName: B.sman1, fullName: 'Bayu Aji Pamungkas, S.Pd.', employmentType: 'NON_ASN', position: 'Guru Tidak Tetap' },
  { regionCode: BATU, agencyName: B.smkn1, fullName: 'Sugeng Riyadi, S.Pd.', nip: '197912202006041009', employmentType: 'PNS', position: 'Wakil Kepala Sekolah Bidang Kurikulum' },
  // "Kapolres Batu diwakilkan", "Dandim 0818 di wakili Pabung": the delegates are fictional.
  { regionCode: BATU, agencyName: B.polres, fullName: 'Dwi Cahyono, S.H., M.H.', employmentType: 'EXTERNAL', position: 'Kepala Bagian Operasi Polres Batu (Kompol)' },
  { regionCode: BATU, agencyName: B.kodim, fullName: 'Suharyanto', employmentType: 'EXTERNAL', position: 'Perwira Penghubung (Pabung) Kodim 0818 untuk Kota Batu (Mayor Inf)' },
  { regionCode: BATU, agencyName: B.kemenag, fullName: 'Nur Hidayah, S.Ag.', nip: '198003252006042014', employmentType: 'PNS', position: 'Penyuluh Agama Islam Ahli Muda' },
];

const M = {
  setda: 'Sekretariat Daerah Kabupaten Malang',
  kesbang: 'Badan Kesatuan Bangsa dan Politik Kabupaten Malang',
  bkpsdm: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Malang',
  inspektorat: 'Inspektorat Kabupaten Malang',
  dindik: 'Dinas Pendidikan Kabupaten Malang',
  dinkes: 'Dinas Kesehatan Kabupaten Malang',
  rsud: 'Rumah Sakit Umum Daerah Kanjuruhan',
  kecKepanjen: 'Kecamatan Kepanjen',
  kecLawang: 'Kecamatan Lawang',
  kecSingosari: 'Kecamatan Singosari',
  kecTuren: 'Kecamatan Turen',
  desaToyomarto: 'Desa Toyomarto',
  polres: 'Polres Malang',
  kodim: 'Kodim 0818/Kabupaten Malang-Batu',
} as const;

// The story names no Kabupaten Malang ASN (only Wakil Bupati Didik Gatot Subroto, a speaker): all fictional.
// No CPNS here: the 2023 CPNS intake was appointed only after February 2024.
const malangPeople: DemoPerson[] = [
  { regionCode: KAB_MALANG, agencyName: M.setda, fullName: 'Dr. Ir. Sugeng Widodo, M.Si.', nip: '196903201995031002', employmentType: 'PNS', position: 'Sekretaris Daerah Kabupaten Malang' },
  { regionCode: KAB_MALANG, agencyName: M.setda, fullName: 'Puji Astuti, S.Sos.', nip: '198204152006042010', employmentType: 'PNS', position: 'Analis Kebijakan Ahli Muda pada Bagian Pemerintahan' },
  { regionCode: KAB_MALANG, agencyName: M.bkpsdm, fullName: 'Nurhadi, S.Sos., M.M.', nip: '197105061996031005', employmentType: 'PNS', position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
  { regionCode: KAB_MALANG, agencyName: M.bkpsdm, fullName: 'Yuliana Fitri, S.Psi.', nip: '199106252022212033', employmentType: 'PPPK', position: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama' },
  { regionCode: KAB_MALANG, agencyName: M.inspektorat, fullName: 'Drs. Slamet Riyadi, M.M.', nip: '196812231994031007', employmentType: 'PNS', position: 'Inspektur Kabupaten Malang' },
  { regionCode: KAB_MALANG, agencyName: M.kesbang, fullName: 'Drs. Joko Santoso, M.Si.', nip: '197005201996031003', employmentType: 'PNS', position: 'Kepala Badan Kesatuan Bangsa dan Politik' },
  { regionCode: KAB_MALANG, agencyName: M.kesbang, fullName: 'Fitria Ningsih, S.IP.', nip: '198909122014022003', employmentType: 'PNS', position: 'Analis Kebijakan Ahli Pertama', phone: '081200020201' },
  { regionCode: KAB_MALANG, agencyName: M.dindik, fullName: 'Wahyu Widodo, S.Pd., M.Pd.', nip: '197609172005011006', employmentType: 'PNS', position: 'Kepala Bidang Pembinaan Ketenagaan' },
  { regionCode: KAB_MALANG, agencyName: M.kecKepanjen, fullName: 'Aditya Nugraha, S.STP., M.AP.', nip: '198711232009011001', employmentType: 'PNS', position: 'Camat Kepanjen' },
  { regionCode: KAB_MALANG, agencyName: M.kecSingosari, fullName: 'Endah Susilowati, S.Sos.', nip: '197807082003122006', employmentType: 'PNS', position: 'Sekretaris Kecamatan Singosari' },
  { regionCode: KAB_MALANG, agencyName: M.desaToyomarto, fullName: 'Moch. Ikhsan', employmentType: 'NON_ASN', position: 'Sekretaris Desa (Perangkat Desa)' },
  { regionCode: KAB_MALANG, agencyName: M.rsud, fullName: 'Dwi Lestari, A.Md.', employmentType: 'NON_ASN', position: 'Tenaga Administrasi (Pegawai BLUD)' },
  { regionCode: KAB_MALANG, agencyName: M.polres, fullName: 'Bambang Irawan, S.H.', employmentType: 'EXTERNAL', position: 'Kepala Bagian Sumber Daya Polres Malang (Kompol)' },
  { regionCode: KAB_MALANG, agencyName: M.kodim, fullName: 'Sunarto', employmentType: 'EXTERNAL', position: 'Perwira Seksi Teritorial Kodim 0818 (Kapten Inf)' },
];

const P = {
  setda: 'Sekretariat Daerah Kota Pasuruan',
  kesbang: 'Badan Kesatuan Bangsa dan Politik Kota Pasuruan',
  bkpsdm: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Pasuruan',
  dindikbud: 'Dinas Pendidikan dan Kebudayaan Kota Pasuruan',
  dinkes: 'Dinas Kesehatan Kota Pasuruan',
  kominfo: 'Dinas Komunikasi dan Informatika Kota Pasuruan',
  inspektorat: 'Inspektorat Kota Pasuruan',
  satpol: 'Satuan Polisi Pamong Praja Kota Pasuruan',
  kecGadingrejo: 'Kecamatan Gadingrejo',
  kecPurworejo: 'Kecamatan Purworejo',
  kecPanggungrejo: 'Kecamatan Panggungrejo',
  kelTrajeng: 'Kelurahan Trajeng',
  polres: 'Polres Pasuruan Kota',
  kodim: 'Kodim 0819/Pasuruan',
  korpri: 'Dewan Pengurus Korpri Kota Pasuruan',
} as const;

// The story names the Plt. Wali Kota and the Ketua Bawaslu (both speakers, not ASN of an agency here): all
// people below are fictional. No PPPK in January 2020; the CPNS is of the 2018 intake (TMT March 2019).
const pasuruanPeople: DemoPerson[] = [
  { regionCode: PASURUAN, agencyName: P.setda, fullName: 'Drs. Ahmad Sholeh, M.Si.', nip: '196705121993031006', employmentType: 'PNS', position: 'Sekretaris Daerah Kota Pasuruan' },
  { regionCode: PASURUAN, agencyName: P.kesbang, fullName: 'Drs. M. Nur Hasan, M.M.', nip: '196909081995031004', employmentType: 'PNS', position: 'Kepala Badan Kesatuan Bangsa dan Politik' },
  { regionCode: PASURUAN, agencyName: P.kesbang, fullName: 'Lailatul Fitriyah, S.Sos.', nip: '198510142009022008', employmentType: 'PNS', position: 'Kepala Subbidang Politik Dalam Negeri' },
  { regionCode: PASURUAN, agencyName: P.bkpsdm, fullName: 'Dra. Endang Sulistyowati, M.Si.', nip: '196811201994032005', employmentType: 'PNS', position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
  { regionCode: PASURUAN, agencyName: P.dindikbud, fullName: 'Drs. Samsul Hadi, M.Pd.', nip: '196610031990031009', employmentType: 'PNS', position: 'Kepala Dinas Pendidikan dan Kebudayaan' },
  { regionCode: PASURUAN, agencyName: P.dinkes, fullName: 'Retno Wulan, S.Kep., Ns.', nip: '198103022006042012', employmentType: 'PNS', position: 'Kepala Seksi Promosi Kesehatan' },
  { regionCode: PASURUAN, agencyName: P.inspektorat, fullName: 'Budi Harsono, S.E., Ak.', nip: '197407281999031002', employmentType: 'PNS', position: 'Auditor Muda' },
  { regionCode: PASURUAN, agencyName: P.kominfo, fullName: 'Rizky Aditya Putra, S.Kom.', nip: '199405202019031004', employmentType: 'CPNS', position: 'Calon Pranata Komputer Ahli Pertama' },
  { regionCode: PASURUAN, agencyName: P.satpol, fullName: 'Hariyanto', employmentType: 'NON_ASN', position: 'Tenaga Harian Lepas (Anggota Satpol PP)' },
  { regionCode: PASURUAN, agencyName: P.kecPanggungrejo, fullName: 'Muhammad Faisal, S.STP., M.Si.', nip: '198202172004121003', employmentType: 'PNS', position: 'Camat Panggungrejo' },
  { regionCode: PASURUAN, agencyName: P.kelTrajeng, fullName: 'Siti Khoiriyah, S.Sos.', nip: '197909152008012013', employmentType: 'PNS', position: 'Lurah Trajeng' },
  { regionCode: PASURUAN, agencyName: P.korpri, fullName: 'Sugiarto, S.Sos.', nip: '197211111998031005', employmentType: 'PNS', position: 'Sekretaris Dewan Pengurus Korpri Kota Pasuruan' },
  { regionCode: PASURUAN, agencyName: P.polres, fullName: 'Imam Syafii, S.H.', employmentType: 'EXTERNAL', position: 'Kepala Satuan Intelijen Keamanan Polres Pasuruan Kota (AKP)' },
  { regionCode: PASURUAN, agencyName: P.kodim, fullName: 'Sutikno', employmentType: 'EXTERNAL', position: 'Perwira Penghubung (Pabung) Kodim 0819/Pasuruan untuk Kota Pasuruan (Mayor Inf)' },
];

const K = {
  setda: 'Sekretariat Daerah Kota Balikpapan',
  kesbang: 'Badan Kesatuan Bangsa dan Politik Kota Balikpapan',
  bkpsdm: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Balikpapan',
  dp3akb: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Kota Balikpapan',
  kominfo: 'Dinas Komunikasi dan Informatika Kota Balikpapan',
  disdikbud: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan',
  dkk: 'Dinas Kesehatan Kota Balikpapan',
  satpol: 'Satuan Polisi Pamong Praja Kota Balikpapan',
  kecKota: 'Kecamatan Balikpapan Kota',
  kecSelatan: 'Kecamatan Balikpapan Selatan',
  kecUtara: 'Kecamatan Balikpapan Utara',
  kecTimur: 'Kecamatan Balikpapan Timur',
  kecBarat: 'Kecamatan Balikpapan Barat',
  kecTengah: 'Kecamatan Balikpapan Tengah',
  kelKlandasanIlir: 'Kelurahan Klandasan Ilir',
  kelMuaraRapak: 'Kelurahan Muara Rapak',
  polresta: 'Polresta Balikpapan',
  kodim: 'Kodim 0905/Balikpapan',
  bawaslu: 'Bawaslu Kota Balikpapan',
} as const;

const balikpapanPeople: DemoPerson[] = [
  // Named in the story: Kepala Kesbangpol Sutadi, Kepala BKPSDM Purnomo, Kepala DP3AKB Alwiati,
  // Kepala Diskominfo Adamin Siregar (titles as in the brief; the story gives none for Sutadi).
  { regionCode: BALIKPAPAN, agencyName: K.kesbang, fullName: 'Sutadi', nip: '196706171992031005', employmentType: 'PNS', position: 'Kepala Badan Kesatuan Bangsa dan Politik' },
  { regionCode: BALIKPAPAN, agencyName: K.bkpsdm, fullName: 'Purnomo, S.E., M.M.', nip: '196904101996031002', employmentType: 'PNS', position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
  { regionCode: BALIKPAPAN, agencyName: K.dp3akb, fullName: 'Alwiati, S.Sos.', nip: '196812051994032006', employmentType: 'PNS', position: 'Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana' },
  { regionCode: BALIKPAPAN, agencyName: K.kominfo, fullName: 'Adamin Siregar, S.Kom.', nip: '197501142002121003', employmentType: 'PNS', position: 'Kepala Dinas Komunikasi dan Informatika' },
  // Fictional from here on.
  { regionCode: BALIKPAPAN, agencyName: K.kesbang, fullName: 'Hj. Nurul Hikmah, S.Sos., M.Si.', nip: '197604232002122003', employmentType: 'PNS', position: 'Kepala Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan' },
  { regionCode: BALIKPAPAN, agencyName: K.kesbang, fullName: 'Muhammad Rizky Ramadhan, S.IP.', nip: '199201162019031003', employmentType: 'PNS', position: 'Analis Kebijakan Ahli Pertama', phone: '081200040201', email: 'rizky.ramadhan@demo.netralitas.id' },
  { regionCode: BALIKPAPAN, agencyName: K.bkpsdm, fullName: 'Yohanes Paulus Manurung, S.H.', nip: '198608292011011004', employmentType: 'PNS', position: 'Analis Sumber Daya Manusia Aparatur Ahli Muda' },
  { regionCode: BALIKPAPAN, agencyName: K.dp3akb, fullName: 'Sri Wahyuni, S.Psi.', nip: '199304262022212019', employmentType: 'PPPK', position: 'Penyuluh Keluarga Berencana Ahli Pertama' },
  { regionCode: BALIKPAPAN, agencyName: K.kominfo, fullName: 'Andi Saputra, S.Kom.', nip: '198807302014021002', employmentType: 'PNS', position: 'Pranata Komputer Ahli Muda', phone: '081200040202', email: 'andi.saputra@demo.netralitas.id' },
  { regionCode: BALIKPAPAN, agencyName: K.kominfo, fullName: 'Rahmat Hidayat, A.Md.', nip: '199601092023211014', employmentType: 'PPPK', position: 'Pranata Komputer Terampil' },
  { regionCode: BALIKPAPAN, agencyName: K.disdikbud, fullName: 'Lukas Pongrekun, S.Pd.', nip: '198705302022211008', employmentType: 'PPPK', position: 'Guru Ahli Pertama' },
  { regionCode: BALIKPAPAN, agencyName: K.kecKota, fullName: 'Ahmad Fathoni, S.STP., M.Si.', nip: '198306112005121001', employmentType: 'PNS', position: 'Camat Balikpapan Kota' },
  { regionCode: BALIKPAPAN, agencyName: K.kecUtara, fullName: 'Hendrik Tandililing, S.E.', nip: '197811272005011003', employmentType: 'PNS', position: 'Sekretaris Kecamatan Balikpapan Utara' },
  { regionCode: BALIKPAPAN, agencyName: K.kelKlandasanIlir, fullName: 'Ernawati, S.Sos.', nip: '197912032006042008', employmentType: 'PNS', position: 'Lurah Klandasan Ilir' },
  { regionCode: BALIKPAPAN, agencyName: K.kelMuaraRapak, fullName: 'Nurhayati', employmentType: 'NON_ASN', position: 'Tenaga Kontrak Daerah (Administrasi Kelurahan)' },
  { regionCode: BALIKPAPAN, agencyName: K.polresta, fullName: 'Rudy Hermawan, S.I.K.', employmentType: 'EXTERNAL', position: 'Kepala Satuan Intelijen Keamanan Polresta Balikpapan (Kompol)' },
  { regionCode: BALIKPAPAN, agencyName: K.kodim, fullName: 'Yusuf Ardiansyah', employmentType: 'EXTERNAL', position: 'Perwira Penghubung (Pabung) Kodim 0905/Balikpapan (Mayor Inf)' },
  // Illustrative Bawaslu member (the story says only "Bawaslu Kota Balikpapan" attended).
  { regionCode: BALIKPAPAN, agencyName: K.bawaslu, fullName: 'Rina Kartika, S.H.', employmentType: 'EXTERNAL', position: 'Anggota Bawaslu Kota Balikpapan, Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat' },
];

const R = {
  setda: 'Sekretariat Daerah Kota Prabumulih',
  kesbang: 'Badan Kesatuan Bangsa dan Politik Kota Prabumulih',
  bkpsdm: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Prabumulih',
  disdik: 'Dinas Pendidikan Kota Prabumulih',
  dinkes: 'Dinas Kesehatan Kota Prabumulih',
  kominfo: 'Dinas Komunikasi dan Informatika Kota Prabumulih',
  dlh: 'Dinas Lingkungan Hidup Kota Prabumulih',
  satpol: 'Satuan Polisi Pamong Praja Kota Prabumulih',
  inspektorat: 'Inspektorat Kota Prabumulih',
  kecTimur: 'Kecamatan Prabumulih Timur',
  kecCambai: 'Kecamatan Cambai',
  kecRkt: 'Kecamatan Rambang Kapak Tengah',
  kelGunungIbul: 'Kelurahan Gunung Ibul',
  polres: 'Polres Prabumulih',
} as const;

const prabumulihPeople: DemoPerson[] = [
  // Named in the story ("Kepala Badan Kesbangpol Prabumulih, Ahmad Daswan SE MM").
  { regionCode: PRABUMULIH, agencyName: R.kesbang, fullName: 'Ahmad Daswan, S.E., M.M.', nip: '197209141998031004', employmentType: 'PNS', position: 'Kepala Badan Kesatuan Bangsa dan Politik' },
  // Fictional from here on. PHL = pegawai harian lepas, named in the story as part of the audience.
  { regionCode: PRABUMULIH, agencyName: R.kesbang, fullName: 'Rahmawati, S.Sos.', nip: '198407212010012017', employmentType: 'PNS', position: 'Analis Kebijakan Ahli Muda', phone: '081200050201' },
  { regionCode: PRABUMULIH, agencyName: R.kesbang, fullName: 'Dedi Kurniawan', employmentType: 'NON_ASN', position: 'Pegawai Harian Lepas (PHL)' },
  { regionCode: PRABUMULIH, agencyName: R.setda, fullName: 'Hj. Yuliani, S.H., M.H.', nip: '197507192001122003', employmentType: 'PNS', position: 'Asisten Pemerintahan dan Kesejahteraan Rakyat' },
  { regionCode: PRABUMULIH, agencyName: R.bkpsdm, fullName: 'Drs. Hasanuddin, M.Si.', nip: '196810251994031003', employmentType: 'PNS', position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
  { regionCode: PRABUMULIH, agencyName: R.bkpsdm, fullName: 'Febri Ansyah, S.Kom.', nip: '199902142024061002', employmentType: 'CPNS', position: 'Pranata Komputer Ahli Pertama' },
  { regionCode: PRABUMULIH, agencyName: R.disdik, fullName: 'Eka Septiani, S.Pd.', nip: '199209172023212011', employmentType: 'PPPK', position: 'Guru Ahli Pertama' },
  { regionCode: PRABUMULIH, agencyName: R.dinkes, fullName: 'Rudi Saputra, S.Kep., Ners', nip: '199011282022211005', employmentType: 'PPPK', position: 'Perawat Ahli Pertama' },
  { regionCode: PRABUMULIH, agencyName: R.dlh, fullName: 'Junaidi, S.T.', nip: '198005142008011009', employmentType: 'PNS', position: 'Kepala Bidang Pengelolaan Sampah dan Limbah B3' },
  { regionCode: PRABUMULIH, agencyName: R.dlh, fullName: 'Sarimah', employmentType: 'NON_ASN', position: 'Pegawai Harian Lepas (PHL) Petugas Kebersihan' },
  { regionCode: PRABUMULIH, agencyName: R.satpol, fullName: 'Andi Pratama', employmentType: 'NON_ASN', position: 'Pegawai Harian Lepas (PHL) Satpol PP' },
  { regionCode: PRABUMULIH, agencyName: R.inspektorat, fullName: 'Lina Marlina, S.E., M.Ak.', nip: '198302102009022004', employmentType: 'PNS', position: 'Auditor Ahli Muda' },
  { regionCode: PRABUMULIH, agencyName: R.kecTimur, fullName: 'M. Iqbal Ramadhan, S.STP., M.Si.', nip: '198812052010101001', employmentType: 'PNS', position: 'Camat Prabumulih Timur' },
  { regionCode: PRABUMULIH, agencyName: R.kelGunungIbul, fullName: 'Nurlela, S.Sos.', nip: '197606182006042009', employmentType: 'PNS', position: 'Lurah Gunung Ibul' },
  { regionCode: PRABUMULIH, agencyName: R.kecCambai, fullName: 'Syahrial, S.E.', nip: '197903072005011004', employmentType: 'PNS', position: 'Sekretaris Kecamatan Cambai' },
  { regionCode: PRABUMULIH, agencyName: R.polres, fullName: 'Hendra Gunawan, S.H.', employmentType: 'EXTERNAL', position: 'Kepala Satuan Pembinaan Masyarakat Polres Prabumulih (AKP)' },
];

// ---------------------------------------------------------------------------------------------
// Users (demo logins, all with DEMO_PASSWORD)
// ---------------------------------------------------------------------------------------------

export const users: readonly DemoUser[] = [
  { role: 'ADMIN', email: 'admin@demo.netralitas.id', fullName: 'Administrator Nasional (Demo)', active: true },
  // Kesbangpol staff of each city; the same names are in the people registry.
  { role: 'ORGANIZER', email: 'organizer.batu@demo.netralitas.id', fullName: 'Dewi Anggraini, S.Sos.', regionCode: BATU, active: true },
  { role: 'ORGANIZER', email: 'organizer.balikpapan@demo.netralitas.id', fullName: 'Muhammad Rizky Ramadhan, S.IP.', regionCode: BALIKPAPAN, active: true },
  // Bakesbangpol Provinsi Jawa Timur: bound to the province, so it also covers Batu, Kabupaten Malang and Pasuruan.
  { role: 'ORGANIZER', email: 'organizer.jatim@demo.netralitas.id', fullName: 'Hari Susanto, S.Sos., M.Si.', regionCode: JATIM, active: true },
  { role: 'AGENCY_REP', email: 'rep.dindik.batu@demo.netralitas.id', fullName: 'Novita Sari, S.Kom.', regionCode: BATU, agencyName: B.dindik, active: true },
  { role: 'AGENCY_REP', email: 'rep.diskominfo.balikpapan@demo.netralitas.id', fullName: 'Andi Saputra, S.Kom.', regionCode: BALIKPAPAN, agencyName: K.kominfo, active: true },
  // Bagian Pemerintahan Setda Kota Batu (the mayor's office): read-only reports.
  { role: 'VIEWER', email: 'viewer.batu@demo.netralitas.id', fullName: 'Rina Wulandari, S.IP.', regionCode: BATU, active: true },
  // Door staff at Kota Batu events.
  { role: 'CHECKIN', email: 'checkin.batu@demo.netralitas.id', fullName: 'Yudi Prasetyo', regionCode: BATU, active: true },
];

// ---------------------------------------------------------------------------------------------
// Speakers (each region keeps its own registry)
// ---------------------------------------------------------------------------------------------

export const speakers: readonly DemoSpeaker[] = [
  // Kota Batu (from the story; "Said Agil Siroj" there, spelled here as he writes it).
  { regionCode: BATU, fullName: 'Prof. Dr. KH. Said Aqil Siroj', title: 'Anggota Dewan Pengarah BPIP', organization: 'Badan Pembinaan Ideologi Pancasila (BPIP)' },
  { regionCode: BATU, fullName: 'Islah Bahrawi', title: 'Direktur Jaringan Moderat Indonesia; Tenaga Ahli Densus 88 Antiteror Polri', organization: 'Jaringan Moderat Indonesia' },
  { regionCode: BATU, fullName: 'Supriyanto, S.Sos., M.H.', title: 'Staf Ahli Wali Kota Batu Bidang Kemasyarakatan dan SDM', organization: 'Pemerintah Kota Batu' },
  // Kabupaten Malang (from the story).
  { regionCode: KAB_MALANG, fullName: 'Farhan Abdi Utama', title: 'Asisten Komisioner KASN Bidang Pengawasan Penerapan Nilai Dasar, Kode Etik dan Kode Perilaku ASN, dan Netralitas ASN', organization: 'Komisi Aparatur Sipil Negara (KASN)' },
  { regionCode: KAB_MALANG, fullName: 'Drs. H. Didik Gatot Subroto', title: 'Wakil Bupati Malang', organization: 'Pemerintah Kabupaten Malang' },
  // Kota Pasuruan (from the story; the name is written both "Prastyo" and "Prasetyo" there).
  { regionCode: PASURUAN, fullName: 'Moh. Anas, S.Sos., M.Si.', title: 'Ketua Bawaslu Kota Pasuruan', organization: 'Bawaslu Kota Pasuruan' },
  { regionCode: PASURUAN, fullName: 'Raharto Teno Prasetyo, S.T.', title: 'Plt. Wali Kota Pasuruan', organization: 'Pemerintah Kota Pasuruan' },
  // Kota Balikpapan: Sutadi read the Wali Kota's address and spoke (story). Rina Kartika is
  // realistic-but-illustrative (fictional name), standing for the Bawaslu Kota Balikpapan that attended.
  { regionCode: BALIKPAPAN, fullName: 'Sutadi', title: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Balikpapan', organization: 'Pemerintah Kota Balikpapan' },
  { regionCode: BALIKPAPAN, fullName: 'Rina Kartika, S.H.', title: 'Anggota Bawaslu Kota Balikpapan, Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Humas', organization: 'Bawaslu Kota Balikpapan' },
  // Kota Prabumulih (from the story).
  { regionCode: PRABUMULIH, fullName: 'H. Elman, S.T., M.M.', title: 'Penjabat Wali Kota Prabumulih', organization: 'Pemerintah Kota Prabumulih' },
  { regionCode: PRABUMULIH, fullName: 'Ahmad Daswan, S.E., M.M.', title: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Prabumulih', organization: 'Pemerintah Kota Prabumulih' },
];

// ---------------------------------------------------------------------------------------------
// Events: one per story (COMPLETED, with invitations and check-ins) + one upcoming DRAFT per region
// ---------------------------------------------------------------------------------------------

const batuStory: DemoEvent = {
  regionCode: BATU,
  title: 'Sosialisasi Netralitas ASN dan Anti Radikalisme',
  type: 'SOSIALISASI',
  topics: ['NETRALITAS_ASN', 'ANTI_RADIKALISME'],
  electionName: PILKADA_2024,
  organizer: 'Bakesbangpol Kota Batu',
  venueName: 'GOR Gajah Mada',
  venueAddress: 'Kecamatan Batu, Kota Batu, Jawa Timur',
  // "Selasa (29/10/24) siang".
  startsAt: '2024-10-29T13:00:00+07:00',
  endsAt: '2024-10-29T16:00:00+07:00',
  // "berjumlah 500 undangan".
  capacity: 500,
  letterNumber: '000.1.5/1874/422.205/2024',
  status: 'COMPLETED',
  speakers: [
    { speakerName: 'Supriyanto, S.Sos., M.H.', topic: 'Sambutan Pj. Wali Kota Batu: netralitas ASN pada Pilkada 2024 dan sanksi pelanggarannya (SKB 5 instansi 2022)', startsAt: '2024-10-29T13:00:00+07:00', endsAt: '2024-10-29T13:30:00+07:00', order: 1 },
    { speakerName: 'Prof. Dr. KH. Said Aqil Siroj', topic: 'Moderasi beragama dan wawasan kebangsaan menjelang Pilkada', startsAt: '2024-10-29T13:30:00+07:00', endsAt: '2024-10-29T14:30:00+07:00', order: 2 },
    { speakerName: 'Islah Bahrawi', topic: 'Anti radikalisme: ASN tidak mengintimidasi masyarakat untuk mendukung calon', startsAt: '2024-10-29T14:30:00+07:00', endsAt: '2024-10-29T15:30:00+07:00', order: 3 },
  ],
  invitations: [
    {
      agencyName: B.setda, addresseeTitle: 'Penjabat Wali Kota Batu', seats: 10, status: 'CONFIRMED', respondedAt: '2024-10-24T10:12:00+07:00',
      attendees: [
        { fullName: 'Supriyanto, S.Sos., M.H.', delegate: true, note: 'Pj. Wali Kota diwakilkan Staf Ahli SDM' },
        { fullName: 'Rina Wulandari, S.IP.', delegate: false },
      ],
    },
    {
      agencyName: B.kesbang, addresseeTitle: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Batu', addresseePersonName: 'Drs. Heru Wahyudi, M.Si.', seats: 5, status: 'CONFIRMED', respondedAt: '2024-10-21T08:30:00+07:00',
      attendees: [
        { fullName: 'Drs. Heru Wahyudi, M.Si.', delegate: false, note: 'Penyelenggara' },
        { fullName: 'Dewi Anggraini, S.Sos.', delegate: false, note: 'Panitia' },
        { fullName: 'Fajar Nugroho, S.IP.', delegate: false, note: 'Panitia' },
      ],
    },
    {
      agencyName: B.dindik, addresseeTitle: 'Kepala Dinas Pendidikan Kota Batu', addresseePersonName: 'Dr. Hendra Kurniawan, M.Pd.', seats: 25, status: 'CONFIRMED', respondedAt: '2024-10-23T14:05:00+07:00',
      attendees: [
        { fullName: 'Dr. Hendra Kurniawan, M.Pd.', delegate: false },
        { fullName: 'Novita Sari, S.Kom.', delegate: false },
        { fullName: 'Siti Maisaroh, S.Pd.', delegate: false },
      ],
    },
    {
      agencyName: B.dinkes, addresseeTitle: 'Kepala Dinas Kesehatan Kota Batu', addresseePersonName: 'dr. Ratna Puspitasari, M.Kes.', seats: 15, status: 'CONFIRMED', respondedAt: '2024-10-23T09:40:00+07:00',
      attendees: [
        { fullName: 'dr. Ratna Puspitasari, M.Kes.', delegate: false },
        { fullName: 'Eko Wahyudi, A.Md.Kep.', delegate: false },
      ],
    },
    {
      agencyName: B.bkpsdm, addresseeTitle: 'Kepala BKPSDM Kota Batu', seats: 10, status: 'CONFIRMED', respondedAt: '2024-10-25T11:20:00+07:00',
      attendees: [{ fullName: 'Tri Handayani, S.Psi.', delegate: true, note: 'Kepala BKPSDM diwakilkan' }],
    },
    {
      agencyName: B.kominfo, addresseeTitle: 'Kepala Dinas Komunikasi dan Informatika Kota Batu', seats: 10, status: 'CONFIRMED', respondedAt: '2024-10-25T13:00:00+07:00',
      attendees: [{ fullName: 'Ahmad Fauzi, S.T.', delegate: true }],
    },
    {
      agencyName: B.inspektorat, addresseeTitle: 'Inspektur Kota Batu', seats: 5, status: 'CONFIRMED', respondedAt: '2024-10-24T15:45:00+07:00',
      attendees: [{ fullName: 'Lilik Sumarni, S.E., M.Ak.', delegate: true }],
    },
    {
      agencyName: B.rsud, addresseeTitle: 'Direktur RSUD Kota Batu', seats: 15, status: 'CONFIRMED', respondedAt: '2024-10-28T16:10:00+07:00',
      attendees: [{ fullName: 'Wahyu Setiawan', delegate: true }],
    },
    {
      agencyName: B.satpol, addresseeTitle: 'Kepala Satuan Polisi Pamong Praja Kota Batu', seats: 10, status: 'DECLINED', respondedAt: '2024-10-28T07:55:00+07:00',
      reason: 'Seluruh personel bertugas pengamanan kampanye terbuka pada hari yang sama',
      attendees: [],
    },
    // No answer; one of its staff came anyway (walk-in, see check-ins).
    { agencyName: B.disparta, addresseeTitle: 'Kepala Dinas Pariwisata Kota Batu', seats: 10, status: 'PENDING', attendees: [] },
    {
      agencyName: B.kecBatu, addresseeTitle: 'Camat Batu', addresseePersonName: 'Agung Prasetyo, S.STP., M.Si.', seats: 10, status: 'CONFIRMED', respondedAt: '2024-10-22T10:00:00+07:00',
      attendees: [{ fullName: 'Agung Prasetyo, S.STP., M.Si.', delegate: false }],
    },
    // Confirmed but nobody came (NO_SHOW in coverage).
    {
      agencyName: B.kecJunrejo, addresseeTitle: 'Camat Junrejo', seats: 10, status: 'CONFIRMED', respondedAt: '2024-10-26T09:15:00+07:00',
      attendees: [{ fullName: 'Sholeh Hadi, S.Sos.', delegate: true }],
    },
    {
      agencyName: B.kelSisir, addresseeTitle: 'Lurah Sisir', addresseePersonName: 'Dian Kartikasari, S.AP.', seats: 3, status: 'CONFIRMED', respondedAt: '2024-10-24T08:05:00+07:00',
      attendees: [{ fullName: 'Dian Kartikasari, S.AP.', delegate: false }],
    },
    {
      agencyName: B.sman1, addresseeTitle: 'Kepala SMA Negeri 1 Batu', addresseePersonName: 'Drs. Suwarno, M.Pd.', seats: 5, status: 'CONFIRMED', respondedAt: '2024-10-25T07:30:00+07:00',
      attendees: [
        { fullName: 'Drs. Suwarno, M.Pd.', delegate: false },
        { fullName: 'Anisa Rahmawati, S.Pd.', delegate: false },
        { fullName: 'Bayu Aji Pamungkas, S.Pd.', delegate: false },
      ],
    },
    { agencyName: B.sman2, addresseeTitle: 'Kepala SMA Negeri 2 Batu', seats: 5, status: 'PENDING', attendees: [] },
    {
      agencyName: B.smkn1, addresseeTitle: 'Kepala SMK Negeri 1 Batu', seats: 5, status: 'CONFIRMED', respondedAt: '2024-10-25T09:50:00+07:00',
      attendees: [{ fullName: 'Sugeng Riyadi, S.Pd.', delegate: true, note: 'Perwakilan Kepala Sekolah' }],
    },
    {
      agencyName: B.polres, addresseeTitle: 'Kapolres Batu', seats: 3, status: 'CONFIRMED', respondedAt: '2024-10-28T11:00:00+07:00',
      attendees: [{ fullName: 'Dwi Cahyono, S.H., M.H.', delegate: true, note: 'Kapolres Batu diwakilkan' }],
    },
    {
      agencyName: B.kodim, addresseeTitle: 'Komandan Kodim 0818/Kabupaten Malang-Batu', seats: 3, status: 'CONFIRMED', respondedAt: '2024-10-27T19:20:00+07:00',
      attendees: [{ fullName: 'Suharyanto', delegate: true, note: 'Dandim 0818 diwakili Pabung' }],
    },
    {
      agencyName: B.kemenag, addresseeTitle: 'Kepala Kantor Kementerian Agama Kota Batu', seats: 5, status: 'CONFIRMED', respondedAt: '2024-10-24T13:35:00+07:00',
      attendees: [{ fullName: 'Nur Hidayah, S.Ag.', delegate: true }],
    },
    { agencyName: B.bawaslu, addresseeTitle: 'Ketua Bawaslu Kota Batu', seats: 3, status: 'PENDING', attendees: [] },
  ],
  checkIns: [
    { agencyName: B.kesbang, fullName: 'Dewi Anggraini, S.Sos.', checkedInAt: '2024-10-29T11:05:00+07:00', method: 'MANUAL', deviceId: 'batu-meja-panitia' },
    { agencyName: B.kesbang, fullName: 'Fajar Nugroho, S.IP.', checkedInAt: '2024-10-29T11:06:00+07:00', method: 'MANUAL', deviceId: 'batu-meja-panitia' },
    { agencyName: B.kesbang, fullName: 'Drs. Heru Wahyudi, M.Si.', checkedInAt: '2024-10-29T12:10:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.dindik, fullName: 'Dr. Hendra Kurniawan, M.Pd.', checkedInAt: '2024-10-29T12:31:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.dindik, fullName: 'Novita Sari, S.Kom.', checkedInAt: '2024-10-29T12:32:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.dindik, fullName: 'Siti Maisaroh, S.Pd.', checkedInAt: '2024-10-29T12:40:00+07:00', method: 'QR', deviceId: 'batu-pintu-2' },
    { agencyName: B.dinkes, fullName: 'dr. Ratna Puspitasari, M.Kes.', checkedInAt: '2024-10-29T12:44:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.dinkes, fullName: 'Eko Wahyudi, A.Md.Kep.', checkedInAt: '2024-10-29T12:45:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.bkpsdm, fullName: 'Tri Handayani, S.Psi.', checkedInAt: '2024-10-29T12:38:00+07:00', method: 'QR', deviceId: 'batu-pintu-2' },
    { agencyName: B.kominfo, fullName: 'Ahmad Fauzi, S.T.', checkedInAt: '2024-10-29T12:20:00+07:00', method: 'QR', deviceId: 'batu-pintu-2' },
    { agencyName: B.inspektorat, fullName: 'Lilik Sumarni, S.E., M.Ak.', checkedInAt: '2024-10-29T12:50:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    // Scanned while the hall's Wi-Fi was down; uploaded afterwards.
    { agencyName: B.rsud, fullName: 'Wahyu Setiawan', checkedInAt: '2024-10-29T12:57:00+07:00', method: 'OFFLINE_SYNC', deviceId: 'batu-pintu-2', clientCheckinId: 'batu-pintu-2-000117' },
    { agencyName: B.kecBatu, fullName: 'Agung Prasetyo, S.STP., M.Si.', checkedInAt: '2024-10-29T12:35:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.kelSisir, fullName: 'Dian Kartikasari, S.AP.', checkedInAt: '2024-10-29T12:36:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.sman1, fullName: 'Drs. Suwarno, M.Pd.', checkedInAt: '2024-10-29T12:48:00+07:00', method: 'QR', deviceId: 'batu-pintu-2' },
    { agencyName: B.sman1, fullName: 'Anisa Rahmawati, S.Pd.', checkedInAt: '2024-10-29T12:49:00+07:00', method: 'QR', deviceId: 'batu-pintu-2' },
    { agencyName: B.smkn1, fullName: 'Sugeng Riyadi, S.Pd.', checkedInAt: '2024-10-29T12:58:00+07:00', method: 'OFFLINE_SYNC', deviceId: 'batu-pintu-2', clientCheckinId: 'batu-pintu-2-000121' },
    { agencyName: B.setda, fullName: 'Supriyanto, S.Sos., M.H.', checkedInAt: '2024-10-29T12:52:00+07:00', method: 'MANUAL', deviceId: 'batu-meja-vip' },
    { agencyName: B.setda, fullName: 'Rina Wulandari, S.IP.', checkedInAt: '2024-10-29T12:53:00+07:00', method: 'QR', deviceId: 'batu-meja-vip' },
    { agencyName: B.polres, fullName: 'Dwi Cahyono, S.H., M.H.', checkedInAt: '2024-10-29T12:55:00+07:00', method: 'MANUAL', deviceId: 'batu-meja-vip' },
    { agencyName: B.kodim, fullName: 'Suharyanto', checkedInAt: '2024-10-29T12:56:00+07:00', method: 'MANUAL', deviceId: 'batu-meja-vip' },
    { agencyName: B.kemenag, fullName: 'Nur Hidayah, S.Ag.', checkedInAt: '2024-10-29T13:04:00+07:00', method: 'QR', deviceId: 'batu-pintu-1' },
    { agencyName: B.disparta, fullName: 'Mega Lestari, S.Par.', checkedInAt: '2024-10-29T13:12:00+07:00', method: 'MANUAL', deviceId: 'batu-pintu-1', walkIn: true },
    // Not checked in: Sholeh Hadi (Kecamatan Junrejo) and Bayu Aji Pamungkas (SMA Negeri 1 Batu).
  ],
};

// "berjumlah 500 undangan": the story names two dozen people of a hall of nearly 500. The others
// are made up (src/demo/hall-crowd.ts): staff named on the invitations above, five more agencies
// whose heads sent a delegate, walk-ins, a few no-shows, and the scans of batu-pintu-2 while the
// hall's Wi-Fi was down (12.55–13.03), uploaded afterwards.
const batuHall = fillTheHall(batuStory, {
  regionCode: BATU,
  opensAt: '2024-10-29T12:05:00+07:00',
  minutes: 75,
  outage: { deviceId: 'batu-pintu-2', from: 50, to: 58 },
  agencies: [
    { agencyName: B.setda, extra: 46, absent: 3, pppkEvery: 6, nonAsnEvery: 9, positions: ['Analis Kebijakan Ahli Muda', 'Pengelola Keuangan', 'Analis Hukum Ahli Pertama', 'Pranata Hubungan Masyarakat Ahli Pertama', 'Pengadministrasi Umum'] },
    { agencyName: B.dindik, extra: 160, absent: 9, pppkEvery: 3, nonAsnEvery: 11, positions: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Kepala Sekolah Dasar', 'Pengawas Sekolah Ahli Muda', 'Penilik Ahli Pertama', 'Guru Ahli Madya'] },
    { agencyName: B.dinkes, extra: 56, absent: 4, pppkEvery: 4, nonAsnEvery: 10, positions: ['Perawat Ahli Pertama', 'Bidan Terampil', 'Epidemiolog Kesehatan Ahli Muda', 'Kepala Puskesmas', 'Sanitarian Terampil'] },
    { agencyName: B.bkpsdm, extra: 12, absent: 1, positions: ['Analis Sumber Daya Manusia Aparatur Ahli Pertama', 'Pranata Komputer Terampil', 'Pengelola Data Kepegawaian'] },
    { agencyName: B.kominfo, extra: 12, absent: 1, pppkEvery: 4, positions: ['Pranata Komputer Ahli Pertama', 'Pranata Hubungan Masyarakat Ahli Pertama', 'Statistisi Ahli Pertama'] },
    { agencyName: B.inspektorat, extra: 12, positions: ['Auditor Ahli Pertama', 'Auditor Ahli Muda', 'Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda'] },
    { agencyName: B.rsud, extra: 42, absent: 4, pppkEvery: 4, nonAsnEvery: 3, positions: ['Perawat Terampil', 'Dokter Ahli Pertama', 'Apoteker Ahli Pertama', 'Perekam Medis Terampil', 'Tenaga Administrasi'] },
    { agencyName: B.kecBatu, extra: 18, absent: 1, nonAsnEvery: 6, positions: ['Kepala Seksi Pemerintahan', 'Kepala Seksi Ketenteraman dan Ketertiban Umum', 'Pengadministrasi Umum'] },
    { agencyName: B.kelSisir, extra: 3, positions: ['Sekretaris Kelurahan', 'Kepala Seksi Pemerintahan'] },
    { agencyName: B.sman1, extra: 20, absent: 1, pppkEvery: 3, positions: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya'] },
    { agencyName: B.smkn1, extra: 22, absent: 2, pppkEvery: 3, positions: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya'] },
    { agencyName: B.kemenag, extra: 22, absent: 1, pppkEvery: 5, positions: ['Penyuluh Agama Islam Ahli Pertama', 'Penghulu Ahli Muda', 'Analis Kepegawaian Ahli Pertama'] },
  ],
  invitations: [
    { agencyName: 'Dinas Kependudukan dan Pencatatan Sipil Kota Batu', addresseeTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Batu', respondedAt: '2024-10-25T10:30:00+07:00', extra: 12, absent: 1, pppkEvery: 4, positions: ['Sekretaris Dinas Kependudukan dan Pencatatan Sipil', 'Administrator Database Kependudukan Ahli Pertama', 'Pengadministrasi Umum'] },
    { agencyName: 'Kecamatan Bumiaji', addresseeTitle: 'Camat Bumiaji', respondedAt: '2024-10-24T09:00:00+07:00', extra: 10, nonAsnEvery: 5, positions: ['Sekretaris Kecamatan Bumiaji', 'Kepala Seksi Pemerintahan', 'Pengadministrasi Umum'] },
    { agencyName: 'Kelurahan Ngaglik', addresseeTitle: 'Lurah Ngaglik', respondedAt: '2024-10-26T08:45:00+07:00', extra: 3, positions: ['Sekretaris Kelurahan Ngaglik', 'Kepala Seksi Pemerintahan'] },
    { agencyName: 'Kelurahan Dadaprejo', addresseeTitle: 'Lurah Dadaprejo', respondedAt: '2024-10-26T10:10:00+07:00', extra: 3, positions: ['Sekretaris Kelurahan Dadaprejo', 'Kepala Seksi Kesejahteraan Sosial'] },
    { agencyName: 'KPU Kota Batu', addresseeTitle: 'Ketua KPU Kota Batu', respondedAt: '2024-10-27T14:20:00+07:00', extra: 6, positions: ['Sekretaris KPU Kota Batu', 'Kepala Subbagian Teknis Penyelenggaraan Pemilu', 'Analis Data dan Informasi'] },
  ],
  walkIns: [
    { agencyName: B.disparta, count: 4, employmentType: 'PNS', position: 'Pengelola Destinasi Wisata' },
    { agencyName: 'Desa Tulungrejo', count: 3, employmentType: 'NON_ASN', position: 'Perangkat Desa (Kepala Urusan)' },
    { agencyName: B.dindik, count: 3, employmentType: 'PPPK', position: 'Guru Ahli Pertama' },
    { agencyName: B.rsud, count: 2, employmentType: 'NON_ASN', position: 'Tenaga Administrasi (Tenaga Harian Lepas)' },
  ],
});
const batuEvent = batuHall.event;

export const people: readonly DemoPerson[] = [...batuPeople, ...batuHall.people, ...malangPeople, ...pasuruanPeople, ...balikpapanPeople, ...prabumulihPeople];

// The story gives the address only: the Pemkab Malang offices in Kota Malang (Klojen), outside the
// regency's own territory. The organiser is not named: KASN gave the material, the Wakil Bupati opened
// it on behalf of Bupati HM Sanusi, and Sekda and Kepala BKPSDM of several East Java regencies attended
// (those belong to other regions and are not invited here). Held after the 14 February vote and
// looking ahead to "November ada pilkada", so it is filed under Pilkada Serentak 2024.
const malangEvent: DemoEvent = {
  regionCode: KAB_MALANG,
  title: 'Koordinasi Pengawasan Netralitas Pegawai Aparatur Sipil Negara',
  type: 'RAKOR',
  topics: ['NETRALITAS_ASN'],
  electionName: PILKADA_2024,
  organizer: 'Pemerintah Kabupaten Malang bersama KASN',
  venueName: 'Kantor Pemerintah Kabupaten Malang, Jalan Merdeka Timur',
  venueAddress: 'Jalan Merdeka Timur 3, Kidul Dalem, Kecamatan Klojen, Malang, Jawa Timur',
  // "dimulai pukul 9.00 WIB hingga siang, Kamis 29 Februari 2024".
  startsAt: '2024-02-29T09:00:00+07:00',
  endsAt: '2024-02-29T12:00:00+07:00',
  capacity: 120,
  letterNumber: '000.1.5/317/35.07.403/2024',
  status: 'COMPLETED',
  speakers: [
    { speakerName: 'Drs. H. Didik Gatot Subroto', topic: 'Sambutan dan pembukaan mewakili Bupati Malang', startsAt: '2024-02-29T09:00:00+07:00', endsAt: '2024-02-29T09:30:00+07:00', order: 1 },
    { speakerName: 'Farhan Abdi Utama', topic: 'Pengawasan penerapan nilai dasar, kode etik dan kode perilaku ASN, dan netralitas ASN', startsAt: '2024-02-29T09:30:00+07:00', endsAt: '2024-02-29T11:30:00+07:00', order: 2 },
  ],
  invitations: [
    {
      agencyName: M.setda, addresseeTitle: 'Sekretaris Daerah Kabupaten Malang', addresseePersonName: 'Dr. Ir. Sugeng Widodo, M.Si.', seats: 5, status: 'CONFIRMED', respondedAt: '2024-02-26T10:00:00+07:00',
      attendees: [
        { fullName: 'Dr. Ir. Sugeng Widodo, M.Si.', delegate: false },
        { fullName: 'Puji Astuti, S.Sos.', delegate: false },
      ],
    },
    {
      agencyName: M.bkpsdm, addresseeTitle: 'Kepala BKPSDM Kabupaten Malang', addresseePersonName: 'Nurhadi, S.Sos., M.M.', seats: 5, status: 'CONFIRMED', respondedAt: '2024-02-26T11:15:00+07:00',
      attendees: [
        { fullName: 'Nurhadi, S.Sos., M.M.', delegate: false },
        { fullName: 'Yuliana Fitri, S.Psi.', delegate: false },
      ],
    },
    {
      agencyName: M.inspektorat, addresseeTitle: 'Inspektur Kabupaten Malang', addresseePersonName: 'Drs. Slamet Riyadi, M.M.', seats: 3, status: 'CONFIRMED', respondedAt: '2024-02-27T08:20:00+07:00',
      attendees: [{ fullName: 'Drs. Slamet Riyadi, M.M.', delegate: false }],
    },
    {
      agencyName: M.kesbang, addresseeTitle: 'Kepala Bakesbangpol Kabupaten Malang', addresseePersonName: 'Drs. Joko Santoso, M.Si.', seats: 5, status: 'CONFIRMED', respondedAt: '2024-02-26T09:00:00+07:00',
      attendees: [
        { fullName: 'Drs. Joko Santoso, M.Si.', delegate: false },
        { fullName: 'Fitria Ningsih, S.IP.', delegate: false },
      ],
    },
    {
      agencyName: M.dindik, addresseeTitle: 'Kepala Dinas Pendidikan Kabupaten Malang', seats: 5, status: 'CONFIRMED', respondedAt: '2024-02-27T13:40:00+07:00',
      attendees: [{ fullName: 'Wahyu Widodo, S.Pd., M.Pd.', delegate: true }],
    },
    { agencyName: M.dinkes, addresseeTitle: 'Kepala Dinas Kesehatan Kabupaten Malang', seats: 5, status: 'PENDING', attendees: [] },
    {
      agencyName: M.kecKepanjen, addresseeTitle: 'Camat Kepanjen', addresseePersonName: 'Aditya Nugraha, S.STP., M.AP.', seats: 2, status: 'CONFIRMED', respondedAt: '2024-02-27T07:45:00+07:00',
      attendees: [{ fullName: 'Aditya Nugraha, S.STP., M.AP.', delegate: false }],
    },
    {
      agencyName: M.kecSingosari, addresseeTitle: 'Camat Singosari', seats: 2, status: 'CONFIRMED', respondedAt: '2024-02-28T08:10:00+07:00',
      attendees: [{ fullName: 'Endah Susilowati, S.Sos.', delegate: true }],
    },
    {
      agencyName: M.kecLawang, addresseeTitle: 'Camat Lawang', seats: 2, status: 'DECLINED', respondedAt: '2024-02-28T09:30:00+07:00',
      reason: 'Bersamaan dengan Musrenbang Kecamatan', attendees: [],
    },
    { agencyName: M.kecTuren, addresseeTitle: 'Camat Turen', seats: 2, status: 'PENDING', attendees: [] },
    {
      agencyName: M.polres, addresseeTitle: 'Kapolres Malang', seats: 2, status: 'CONFIRMED', respondedAt: '2024-02-28T10:05:00+07:00',
      attendees: [{ fullName: 'Bambang Irawan, S.H.', delegate: true, note: 'Kapolres diwakilkan' }],
    },
    // Confirmed, but the Kodim's delegate did not come.
    {
      agencyName: M.kodim, addresseeTitle: 'Komandan Kodim 0818/Kabupaten Malang-Batu', seats: 2, status: 'CONFIRMED', respondedAt: '2024-02-28T14:00:00+07:00',
      attendees: [{ fullName: 'Sunarto', delegate: true, note: 'Dandim diwakilkan' }],
    },
  ],
  checkIns: [
    { agencyName: M.kesbang, fullName: 'Fitria Ningsih, S.IP.', checkedInAt: '2024-02-29T07:40:00+07:00', method: 'MANUAL', deviceId: 'malang-meja-panitia' },
    { agencyName: M.kesbang, fullName: 'Drs. Joko Santoso, M.Si.', checkedInAt: '2024-02-29T08:15:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.setda, fullName: 'Dr. Ir. Sugeng Widodo, M.Si.', checkedInAt: '2024-02-29T08:42:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.setda, fullName: 'Puji Astuti, S.Sos.', checkedInAt: '2024-02-29T08:20:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.bkpsdm, fullName: 'Nurhadi, S.Sos., M.M.', checkedInAt: '2024-02-29T08:35:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.bkpsdm, fullName: 'Yuliana Fitri, S.Psi.', checkedInAt: '2024-02-29T08:36:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.inspektorat, fullName: 'Drs. Slamet Riyadi, M.M.', checkedInAt: '2024-02-29T08:50:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.dindik, fullName: 'Wahyu Widodo, S.Pd., M.Pd.', checkedInAt: '2024-02-29T08:55:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.kecKepanjen, fullName: 'Aditya Nugraha, S.STP., M.AP.', checkedInAt: '2024-02-29T08:47:00+07:00', method: 'QR', deviceId: 'malang-pintu-1' },
    { agencyName: M.kecSingosari, fullName: 'Endah Susilowati, S.Sos.', checkedInAt: '2024-02-29T09:08:00+07:00', method: 'MANUAL', deviceId: 'malang-pintu-1' },
    { agencyName: M.polres, fullName: 'Bambang Irawan, S.H.', checkedInAt: '2024-02-29T08:58:00+07:00', method: 'MANUAL', deviceId: 'malang-pintu-1' },
  ],
};

// Organised by Bawaslu Kota Pasuruan for the ASN of Pemkot Pasuruan (Korpri); Kepala OPD were invited.
// Check-ins were digitised afterwards from the paper daftar hadir (MANUAL, one "device").
const pasuruanEvent: DemoEvent = {
  regionCode: PASURUAN,
  title: 'Sosialisasi Pengawasan Partisipatif bersama ASN',
  type: 'SOSIALISASI',
  topics: ['NETRALITAS_ASN', 'PENGAWASAN_PARTISIPATIF'],
  electionName: PILKADA_2020,
  organizer: 'Bawaslu Kota Pasuruan',
  venueName: 'Hotel Horison Kota Pasuruan',
  venueAddress: 'Kota Pasuruan, Jawa Timur',
  // "Selasa (28/1) pagi".
  startsAt: '2020-01-28T08:30:00+07:00',
  endsAt: '2020-01-28T12:00:00+07:00',
  capacity: 100,
  letterNumber: '021/K.JI-26/PM.00.02/I/2020',
  status: 'COMPLETED',
  speakers: [
    { speakerName: 'Raharto Teno Prasetyo, S.T.', topic: 'Sambutan dan pembukaan: komitmen netralitas ASN Kota Pasuruan pada Pilkada Serentak 2020', startsAt: '2020-01-28T08:30:00+07:00', endsAt: '2020-01-28T09:00:00+07:00', order: 1 },
    { speakerName: 'Moh. Anas, S.Sos., M.Si.', topic: 'Netralitas ASN sebagai asas manajemen ASN; larangan bagi ASN menjelang Pemilihan Wali Kota dan Wakil Wali Kota 2020', startsAt: '2020-01-28T09:00:00+07:00', endsAt: '2020-01-28T10:30:00+07:00', order: 2 },
  ],
  invitations: [
    {
      agencyName: P.setda, addresseeTitle: 'Sekretaris Daerah Kota Pasuruan', addresseePersonName: 'Drs. Ahmad Sholeh, M.Si.', seats: 3, status: 'CONFIRMED', respondedAt: '2020-01-23T09:00:00+07:00',
      attendees: [{ fullName: 'Drs. Ahmad Sholeh, M.Si.', delegate: false }],
    },
    {
      agencyName: P.korpri, addresseeTitle: 'Ketua Dewan Pengurus Korpri Kota Pasuruan', seats: 5, status: 'CONFIRMED', respondedAt: '2020-01-23T09:30:00+07:00',
      attendees: [{ fullName: 'Sugiarto, S.Sos.', delegate: true }],
    },
    {
      agencyName: P.kesbang, addresseeTitle: 'Kepala Bakesbangpol Kota Pasuruan', addresseePersonName: 'Drs. M. Nur Hasan, M.M.', seats: 3, status: 'CONFIRMED', respondedAt: '2020-01-22T13:00:00+07:00',
      attendees: [
        { fullName: 'Drs. M. Nur Hasan, M.M.', delegate: false },
        { fullName: 'Lailatul Fitriyah, S.Sos.', delegate: false },
      ],
    },
    {
      agencyName: P.bkpsdm, addresseeTitle: 'Kepala BKPSDM Kota Pasuruan', addresseePersonName: 'Dra. Endang Sulistyowati, M.Si.', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-24T08:15:00+07:00',
      attendees: [{ fullName: 'Dra. Endang Sulistyowati, M.Si.', delegate: false }],
    },
    {
      agencyName: P.dindikbud, addresseeTitle: 'Kepala Dinas Pendidikan dan Kebudayaan Kota Pasuruan', addresseePersonName: 'Drs. Samsul Hadi, M.Pd.', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-24T10:45:00+07:00',
      attendees: [{ fullName: 'Drs. Samsul Hadi, M.Pd.', delegate: false }],
    },
    {
      agencyName: P.dinkes, addresseeTitle: 'Kepala Dinas Kesehatan Kota Pasuruan', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-27T08:00:00+07:00',
      attendees: [{ fullName: 'Retno Wulan, S.Kep., Ns.', delegate: true }],
    },
    {
      agencyName: P.inspektorat, addresseeTitle: 'Inspektur Kota Pasuruan', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-24T14:20:00+07:00',
      attendees: [{ fullName: 'Budi Harsono, S.E., Ak.', delegate: true }],
    },
    {
      agencyName: P.kominfo, addresseeTitle: 'Kepala Dinas Komunikasi dan Informatika Kota Pasuruan', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-27T10:30:00+07:00',
      attendees: [{ fullName: 'Rizky Aditya Putra, S.Kom.', delegate: true }],
    },
    {
      agencyName: P.satpol, addresseeTitle: 'Kepala Satuan Polisi Pamong Praja Kota Pasuruan', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-27T11:00:00+07:00',
      attendees: [{ fullName: 'Hariyanto', delegate: true }],
    },
    {
      agencyName: P.kecPanggungrejo, addresseeTitle: 'Camat Panggungrejo', addresseePersonName: 'Muhammad Faisal, S.STP., M.Si.', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-23T15:00:00+07:00',
      attendees: [{ fullName: 'Muhammad Faisal, S.STP., M.Si.', delegate: false }],
    },
    {
      agencyName: P.kecGadingrejo, addresseeTitle: 'Camat Gadingrejo', seats: 2, status: 'DECLINED', respondedAt: '2020-01-27T16:00:00+07:00',
      reason: 'Camat dan Sekcam mengikuti rapat koordinasi di Setda pada waktu yang sama', attendees: [],
    },
    { agencyName: P.kecPurworejo, addresseeTitle: 'Camat Purworejo', seats: 2, status: 'PENDING', attendees: [] },
    {
      agencyName: P.polres, addresseeTitle: 'Kapolres Pasuruan Kota', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-27T09:10:00+07:00',
      attendees: [{ fullName: 'Imam Syafii, S.H.', delegate: true, note: 'Kapolres diwakilkan' }],
    },
    {
      agencyName: P.kodim, addresseeTitle: 'Komandan Kodim 0819/Pasuruan', seats: 2, status: 'CONFIRMED', respondedAt: '2020-01-27T09:40:00+07:00',
      attendees: [{ fullName: 'Sutikno', delegate: true, note: 'Dandim diwakili Pabung' }],
    },
  ],
  checkIns: [
    { agencyName: P.setda, fullName: 'Drs. Ahmad Sholeh, M.Si.', checkedInAt: '2020-01-28T08:20:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.korpri, fullName: 'Sugiarto, S.Sos.', checkedInAt: '2020-01-28T08:05:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.kesbang, fullName: 'Drs. M. Nur Hasan, M.M.', checkedInAt: '2020-01-28T08:10:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.kesbang, fullName: 'Lailatul Fitriyah, S.Sos.', checkedInAt: '2020-01-28T07:55:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.bkpsdm, fullName: 'Dra. Endang Sulistyowati, M.Si.', checkedInAt: '2020-01-28T08:18:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.dindikbud, fullName: 'Drs. Samsul Hadi, M.Pd.', checkedInAt: '2020-01-28T08:25:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.dinkes, fullName: 'Retno Wulan, S.Kep., Ns.', checkedInAt: '2020-01-28T08:22:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.inspektorat, fullName: 'Budi Harsono, S.E., Ak.', checkedInAt: '2020-01-28T08:28:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.kominfo, fullName: 'Rizky Aditya Putra, S.Kom.', checkedInAt: '2020-01-28T08:12:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.kecPanggungrejo, fullName: 'Muhammad Faisal, S.STP., M.Si.', checkedInAt: '2020-01-28T08:31:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.polres, fullName: 'Imam Syafii, S.H.', checkedInAt: '2020-01-28T08:35:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    { agencyName: P.kodim, fullName: 'Sutikno', checkedInAt: '2020-01-28T08:40:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas' },
    // Walk-in: the Lurah of Trajeng came with her Camat although only OPD heads and camat were invited.
    { agencyName: P.kelTrajeng, fullName: 'Siti Khoiriyah, S.Sos.', checkedInAt: '2020-01-28T08:45:00+07:00', method: 'MANUAL', deviceId: 'daftar-hadir-kertas', walkIn: true },
    // Not checked in: Hariyanto (Satpol PP).
  ],
};

// A Friday in WITA: finished before Friday prayers. The Sekjen Kemendagri quotes at the end of the story
// come from another event (Rakornas in Batam, 28 August 2023) and are not part of this one.
const balikpapanEvent: DemoEvent = {
  regionCode: BALIKPAPAN,
  title: 'Sosialisasi Netralitas ASN pada Pemilu Serentak Tahun 2024',
  type: 'SOSIALISASI',
  topics: ['NETRALITAS_ASN'],
  electionName: PEMILU_2024,
  organizer: 'Kesbangpol Kota Balikpapan',
  venueName: 'Ballroom Hotel Maxone Balikpapan',
  venueAddress: 'Kota Balikpapan, Kalimantan Timur',
  // "Jumat (20/10/2023)".
  startsAt: '2023-10-20T09:00:00+08:00',
  endsAt: '2023-10-20T11:30:00+08:00',
  capacity: 200,
  letterNumber: '005/1127/Kesbangpol',
  status: 'COMPLETED',
  speakers: [
    { speakerName: 'Sutadi', topic: 'Sambutan Wali Kota Balikpapan (dibacakan): hak, kewajiban dan netralitas ASN pada Pemilu Serentak 2024', startsAt: '2023-10-20T09:00:00+08:00', endsAt: '2023-10-20T09:45:00+08:00', order: 1 },
    { speakerName: 'Rina Kartika, S.H.', topic: 'Pencegahan pelanggaran netralitas ASN dan pengawasan partisipatif', startsAt: '2023-10-20T09:45:00+08:00', endsAt: '2023-10-20T11:00:00+08:00', order: 2 },
  ],
  invitations: [
    {
      agencyName: K.kesbang, addresseeTitle: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Balikpapan', addresseePersonName: 'Sutadi', seats: 5, status: 'CONFIRMED', respondedAt: '2023-10-16T08:00:00+08:00',
      attendees: [
        { fullName: 'Sutadi', delegate: false, note: 'Penyelenggara; membacakan sambutan Wali Kota' },
        { fullName: 'Hj. Nurul Hikmah, S.Sos., M.Si.', delegate: false, note: 'Panitia' },
      ],
    },
    {
      agencyName: K.bkpsdm, addresseeTitle: 'Kepala BKPSDM Kota Balikpapan', addresseePersonName: 'Purnomo, S.E., M.M.', seats: 5, status: 'CONFIRMED', respondedAt: '2023-10-17T09:30:00+08:00',
      attendees: [
        { fullName: 'Purnomo, S.E., M.M.', delegate: false },
        { fullName: 'Yohanes Paulus Manurung, S.H.', delegate: false },
      ],
    },
    {
      agencyName: K.dp3akb, addresseeTitle: 'Kepala DP3AKB Kota Balikpapan', addresseePersonName: 'Alwiati, S.Sos.', seats: 5, status: 'CONFIRMED', respondedAt: '2023-10-17T10:10:00+08:00',
      attendees: [
        { fullName: 'Alwiati, S.Sos.', delegate: false },
        { fullName: 'Sri Wahyuni, S.Psi.', delegate: false },
      ],
    },
    {
      agencyName: K.kominfo, addresseeTitle: 'Kepala Dinas Komunikasi dan Informatika Kota Balikpapan', addresseePersonName: 'Adamin Siregar, S.Kom.', seats: 5, status: 'CONFIRMED', respondedAt: '2023-10-18T08:45:00+08:00',
      attendees: [
        { fullName: 'Adamin Siregar, S.Kom.', delegate: false },
        { fullName: 'Andi Saputra, S.Kom.', delegate: false },
        { fullName: 'Rahmat Hidayat, A.Md.', delegate: false },
      ],
    },
    {
      agencyName: K.bawaslu, addresseeTitle: 'Ketua Bawaslu Kota Balikpapan', seats: 3, status: 'CONFIRMED', respondedAt: '2023-10-17T14:00:00+08:00',
      attendees: [{ fullName: 'Rina Kartika, S.H.', delegate: true, note: 'Ketua Bawaslu diwakili anggota' }],
    },
    // Confirmed, but the teacher did not come.
    {
      agencyName: K.disdikbud, addresseeTitle: 'Kepala Dinas Pendidikan dan Kebudayaan Kota Balikpapan', seats: 10, status: 'CONFIRMED', respondedAt: '2023-10-19T15:30:00+08:00',
      attendees: [{ fullName: 'Lukas Pongrekun, S.Pd.', delegate: true }],
    },
    {
      agencyName: K.dkk, addresseeTitle: 'Kepala Dinas Kesehatan Kota Balikpapan', seats: 5, status: 'DECLINED', respondedAt: '2023-10-19T16:00:00+08:00',
      reason: 'Bersamaan dengan kegiatan pelayanan kesehatan terjadwal', attendees: [],
    },
    { agencyName: K.satpol, addresseeTitle: 'Kepala Satuan Polisi Pamong Praja Kota Balikpapan', seats: 5, status: 'PENDING', attendees: [] },
    // "para perwakilan dari Kecamatan dan Kelurahan".
    {
      agencyName: K.kecKota, addresseeTitle: 'Camat Balikpapan Kota', addresseePersonName: 'Ahmad Fathoni, S.STP., M.Si.', seats: 3, status: 'CONFIRMED', respondedAt: '2023-10-17T08:30:00+08:00',
      attendees: [{ fullName: 'Ahmad Fathoni, S.STP., M.Si.', delegate: false }],
    },
    {
      agencyName: K.kecUtara, addresseeTitle: 'Camat Balikpapan Utara', seats: 3, status: 'CONFIRMED', respondedAt: '2023-10-18T11:00:00+08:00',
      attendees: [{ fullName: 'Hendrik Tandililing, S.E.', delegate: true }],
    },
    { agencyName: K.kecSelatan, addresseeTitle: 'Camat Balikpapan Selatan', seats: 3, status: 'PENDING', attendees: [] },
    { agencyName: K.kecTimur, addresseeTitle: 'Camat Balikpapan Timur', seats: 3, status: 'PENDING', attendees: [] },
    {
      agencyName: K.kecBarat, addresseeTitle: 'Camat Balikpapan Barat', seats: 3, status: 'DECLINED', respondedAt: '2023-10-19T13:20:00+08:00',
      reason: 'Camat bertugas luar daerah', attendees: [],
    },
    { agencyName: K.kecTengah, addresseeTitle: 'Camat Balikpapan Tengah', seats: 3, status: 'PENDING', attendees: [] },
    {
      agencyName: K.kelKlandasanIlir, addresseeTitle: 'Lurah Klandasan Ilir', addresseePersonName: 'Ernawati, S.Sos.', seats: 2, status: 'CONFIRMED', respondedAt: '2023-10-18T09:00:00+08:00',
      attendees: [{ fullName: 'Ernawati, S.Sos.', delegate: false }],
    },
    {
      agencyName: K.kelMuaraRapak, addresseeTitle: 'Lurah Muara Rapak', seats: 2, status: 'CONFIRMED', respondedAt: '2023-10-19T10:15:00+08:00',
      attendees: [{ fullName: 'Nurhayati', delegate: true }],
    },
    {
      agencyName: K.polresta, addresseeTitle: 'Kapolresta Balikpapan', seats: 2, status: 'CONFIRMED', respondedAt: '2023-10-19T08:00:00+08:00',
      attendees: [{ fullName: 'Rudy Hermawan, S.I.K.', delegate: true, note: 'Kapolresta diwakilkan' }],
    },
    {
      agencyName: K.kodim, addresseeTitle: 'Komandan Kodim 0905/Balikpapan', seats: 2, status: 'CONFIRMED', respondedAt: '2023-10-18T16:45:00+08:00',
      attendees: [{ fullName: 'Yusuf Ardiansyah', delegate: true, note: 'Dandim diwakili Pabung' }],
    },
  ],
  checkIns: [
    { agencyName: K.kesbang, fullName: 'Hj. Nurul Hikmah, S.Sos., M.Si.', checkedInAt: '2023-10-20T07:45:00+08:00', method: 'MANUAL', deviceId: 'bpp-meja-panitia' },
    { agencyName: K.kesbang, fullName: 'Sutadi', checkedInAt: '2023-10-20T08:30:00+08:00', method: 'MANUAL', deviceId: 'bpp-meja-panitia' },
    { agencyName: K.bkpsdm, fullName: 'Purnomo, S.E., M.M.', checkedInAt: '2023-10-20T08:41:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-1' },
    { agencyName: K.bkpsdm, fullName: 'Yohanes Paulus Manurung, S.H.', checkedInAt: '2023-10-20T08:25:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-1' },
    { agencyName: K.dp3akb, fullName: 'Alwiati, S.Sos.', checkedInAt: '2023-10-20T08:44:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-1' },
    { agencyName: K.dp3akb, fullName: 'Sri Wahyuni, S.Psi.', checkedInAt: '2023-10-20T08:45:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-1' },
    { agencyName: K.kominfo, fullName: 'Adamin Siregar, S.Kom.', checkedInAt: '2023-10-20T08:52:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-2' },
    { agencyName: K.kominfo, fullName: 'Andi Saputra, S.Kom.', checkedInAt: '2023-10-20T08:15:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-2' },
    { agencyName: K.kominfo, fullName: 'Rahmat Hidayat, A.Md.', checkedInAt: '2023-10-20T08:16:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-2' },
    { agencyName: K.bawaslu, fullName: 'Rina Kartika, S.H.', checkedInAt: '2023-10-20T08:38:00+08:00', method: 'MANUAL', deviceId: 'bpp-meja-panitia' },
    { agencyName: K.kecKota, fullName: 'Ahmad Fathoni, S.STP., M.Si.', checkedInAt: '2023-10-20T08:48:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-1' },
    { agencyName: K.kecUtara, fullName: 'Hendrik Tandililing, S.E.', checkedInAt: '2023-10-20T09:06:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-2' },
    { agencyName: K.kelKlandasanIlir, fullName: 'Ernawati, S.Sos.', checkedInAt: '2023-10-20T08:50:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-1' },
    { agencyName: K.kelMuaraRapak, fullName: 'Nurhayati', checkedInAt: '2023-10-20T09:10:00+08:00', method: 'QR', deviceId: 'bpp-ballroom-2' },
    { agencyName: K.polresta, fullName: 'Rudy Hermawan, S.I.K.', checkedInAt: '2023-10-20T08:57:00+08:00', method: 'MANUAL', deviceId: 'bpp-meja-panitia' },
    { agencyName: K.kodim, fullName: 'Yusuf Ardiansyah', checkedInAt: '2023-10-20T08:58:00+08:00', method: 'MANUAL', deviceId: 'bpp-meja-panitia' },
    // Not checked in: Lukas Pongrekun (Disdikbud).
  ],
};

// DATE DISCREPANCY: the story says "Kamis, 3 September 2024", but 3 September 2024 was a Tuesday
// (the Thursday was 5 September). We keep the calendar date, 2024-09-03; the hour is not reported
// (09:00 WIB is illustrative). The audience includes ASN, PPPK and PHL, and the OPD representatives
// were to pass the material on to their staff (see the cascades below).
const prabumulihEvent: DemoEvent = {
  regionCode: PRABUMULIH,
  title: 'Sosialisasi Netralitas ASN dan Non ASN Menghadapi Pilkada Serentak 2024',
  type: 'SOSIALISASI',
  topics: ['NETRALITAS_ASN'],
  electionName: PILKADA_2024,
  organizer: 'Kesbangpol Kota Prabumulih',
  venueName: 'Gedung Kesenian Rumah Dinas Walikota Prabumulih',
  venueAddress: 'Kota Prabumulih, Sumatera Selatan',
  startsAt: '2024-09-03T09:00:00+07:00',
  endsAt: '2024-09-03T12:00:00+07:00',
  capacity: 150,
  letterNumber: '000.1.5/245/Kesbangpol/2024',
  status: 'COMPLETED',
  speakers: [
    { speakerName: 'H. Elman, S.T., M.M.', topic: 'Sambutan Pj. Wali Kota: netralitas ASN, PPPK dan PHL selama dan setelah Pilkada', startsAt: '2024-09-03T09:00:00+07:00', endsAt: '2024-09-03T09:30:00+07:00', order: 1 },
    { speakerName: 'Ahmad Daswan, S.E., M.M.', topic: 'Aturan netralitas ASN, kehadiran pasif di kampanye, dan sanksi ringan, sedang dan berat', startsAt: '2024-09-03T09:30:00+07:00', endsAt: '2024-09-03T11:00:00+07:00', order: 2 },
  ],
  invitations: [
    {
      agencyName: R.kesbang, addresseeTitle: 'Kepala Badan Kesatuan Bangsa dan Politik Kota Prabumulih', addresseePersonName: 'Ahmad Daswan, S.E., M.M.', seats: 3, status: 'CONFIRMED', respondedAt: '2024-08-29T08:00:00+07:00',
      attendees: [
        { fullName: 'Ahmad Daswan, S.E., M.M.', delegate: false, note: 'Penyelenggara' },
        { fullName: 'Rahmawati, S.Sos.', delegate: false, note: 'Panitia' },
      ],
    },
    {
      agencyName: R.setda, addresseeTitle: 'Sekretaris Daerah Kota Prabumulih', seats: 5, status: 'CONFIRMED', respondedAt: '2024-08-30T10:00:00+07:00',
      attendees: [{ fullName: 'Hj. Yuliani, S.H., M.H.', delegate: true, note: 'Sekda diwakili Asisten I' }],
    },
    {
      agencyName: R.bkpsdm, addresseeTitle: 'Kepala BKPSDM Kota Prabumulih', addresseePersonName: 'Drs. Hasanuddin, M.Si.', seats: 3, status: 'CONFIRMED', respondedAt: '2024-08-30T13:30:00+07:00',
      attendees: [{ fullName: 'Febri Ansyah, S.Kom.', delegate: true }],
    },
    {
      agencyName: R.disdik, addresseeTitle: 'Kepala Dinas Pendidikan Kota Prabumulih', seats: 5, status: 'CONFIRMED', respondedAt: '2024-09-02T08:40:00+07:00',
      attendees: [{ fullName: 'Eka Septiani, S.Pd.', delegate: true }],
    },
    {
      agencyName: R.dinkes, addresseeTitle: 'Kepala Dinas Kesehatan Kota Prabumulih', seats: 5, status: 'CONFIRMED', respondedAt: '2024-09-02T09:10:00+07:00',
      attendees: [{ fullName: 'Rudi Saputra, S.Kep., Ners', delegate: true }],
    },
    {
      agencyName: R.dlh, addresseeTitle: 'Kepala Dinas Lingkungan Hidup Kota Prabumulih', seats: 5, status: 'CONFIRMED', respondedAt: '2024-09-02T11:25:00+07:00',
      attendees: [
        { fullName: 'Junaidi, S.T.', delegate: true },
        { fullName: 'Sarimah', delegate: false, note: 'Perwakilan PHL' },
      ],
    },
    {
      agencyName: R.satpol, addresseeTitle: 'Kepala Satuan Polisi Pamong Praja Kota Prabumulih', seats: 3, status: 'CONFIRMED', respondedAt: '2024-09-02T14:00:00+07:00',
      attendees: [{ fullName: 'Andi Pratama', delegate: true, note: 'Perwakilan PHL' }],
    },
    // Confirmed, but the auditor was called to an audit and did not come.
    {
      agencyName: R.inspektorat, addresseeTitle: 'Inspektur Kota Prabumulih', seats: 2, status: 'CONFIRMED', respondedAt: '2024-08-31T09:00:00+07:00',
      attendees: [{ fullName: 'Lina Marlina, S.E., M.Ak.', delegate: true }],
    },
    { agencyName: R.kominfo, addresseeTitle: 'Kepala Dinas Komunikasi dan Informatika Kota Prabumulih', seats: 3, status: 'PENDING', attendees: [] },
    {
      agencyName: R.kecTimur, addresseeTitle: 'Camat Prabumulih Timur', addresseePersonName: 'M. Iqbal Ramadhan, S.STP., M.Si.', seats: 3, status: 'CONFIRMED', respondedAt: '2024-08-30T08:20:00+07:00',
      attendees: [{ fullName: 'M. Iqbal Ramadhan, S.STP., M.Si.', delegate: false }],
    },
    {
      agencyName: R.kelGunungIbul, addresseeTitle: 'Lurah Gunung Ibul', addresseePersonName: 'Nurlela, S.Sos.', seats: 2, status: 'CONFIRMED', respondedAt: '2024-08-31T10:00:00+07:00',
      attendees: [{ fullName: 'Nurlela, S.Sos.', delegate: false }],
    },
    {
      agencyName: R.kecCambai, addresseeTitle: 'Camat Cambai', seats: 3, status: 'CONFIRMED', respondedAt: '2024-09-01T19:05:00+07:00',
      attendees: [{ fullName: 'Syahrial, S.E.', delegate: true }],
    },
    {
      agencyName: R.kecRkt, addresseeTitle: 'Camat Rambang Kapak Tengah', seats: 3, status: 'DECLINED', respondedAt: '2024-09-02T16:30:00+07:00',
      reason: 'Bersamaan dengan kegiatan pemutakhiran data pemilih di kecamatan', attendees: [],
    },
    {
      agencyName: R.polres, addresseeTitle: 'Kapolres Prabumulih', seats: 2, status: 'CONFIRMED', respondedAt: '2024-09-02T07:50:00+07:00',
      attendees: [{ fullName: 'Hendra Gunawan, S.H.', delegate: true, note: 'Kapolres diwakilkan' }],
    },
  ],
  checkIns: [
    { agencyName: R.kesbang, fullName: 'Rahmawati, S.Sos.', checkedInAt: '2024-09-03T07:30:00+07:00', method: 'MANUAL', deviceId: 'pbm-meja-panitia' },
    { agencyName: R.kesbang, fullName: 'Ahmad Daswan, S.E., M.M.', checkedInAt: '2024-09-03T08:20:00+07:00', method: 'MANUAL', deviceId: 'pbm-meja-panitia' },
    { agencyName: R.setda, fullName: 'Hj. Yuliani, S.H., M.H.', checkedInAt: '2024-09-03T08:50:00+07:00', method: 'QR', deviceId: 'pbm-gedung-kesenian' },
    { agencyName: R.bkpsdm, fullName: 'Febri Ansyah, S.Kom.', checkedInAt: '2024-09-03T08:25:00+07:00', method: 'QR', deviceId: 'pbm-gedung-kesenian' },
    // The hall's signal is weak: these were scanned offline and synced after the event.
    { agencyName: R.disdik, fullName: 'Eka Septiani, S.Pd.', checkedInAt: '2024-09-03T08:34:00+07:00', method: 'OFFLINE_SYNC', deviceId: 'pbm-gedung-kesenian', clientCheckinId: 'pbm-gk-0007' },
    { agencyName: R.dinkes, fullName: 'Rudi Saputra, S.Kep., Ners', checkedInAt: '2024-09-03T08:36:00+07:00', method: 'OFFLINE_SYNC', deviceId: 'pbm-gedung-kesenian', clientCheckinId: 'pbm-gk-0008' },
    { agencyName: R.dlh, fullName: 'Junaidi, S.T.', checkedInAt: '2024-09-03T08:40:00+07:00', method: 'OFFLINE_SYNC', deviceId: 'pbm-gedung-kesenian', clientCheckinId: 'pbm-gk-0009' },
    { agencyName: R.dlh, fullName: 'Sarimah', checkedInAt: '2024-09-03T08:41:00+07:00', method: 'OFFLINE_SYNC', deviceId: 'pbm-gedung-kesenian', clientCheckinId: 'pbm-gk-0010' },
    { agencyName: R.satpol, fullName: 'Andi Pratama', checkedInAt: '2024-09-03T08:44:00+07:00', method: 'QR', deviceId: 'pbm-gedung-kesenian' },
    { agencyName: R.kecTimur, fullName: 'M. Iqbal Ramadhan, S.STP., M.Si.', checkedInAt: '2024-09-03T08:47:00+07:00', method: 'QR', deviceId: 'pbm-gedung-kesenian' },
    { agencyName: R.kelGunungIbul, fullName: 'Nurlela, S.Sos.', checkedInAt: '2024-09-03T08:48:00+07:00', method: 'QR', deviceId: 'pbm-gedung-kesenian' },
    { agencyName: R.kecCambai, fullName: 'Syahrial, S.E.', checkedInAt: '2024-09-03T09:05:00+07:00', method: 'QR', deviceId: 'pbm-gedung-kesenian' },
    { agencyName: R.polres, fullName: 'Hendra Gunawan, S.H.', checkedInAt: '2024-09-03T08:55:00+07:00', method: 'MANUAL', deviceId: 'pbm-meja-panitia' },
    // Walk-in: Kesbangpol's PHL helper, registered at the door.
    { agencyName: R.kesbang, fullName: 'Dedi Kurniawan', checkedInAt: '2024-09-03T09:15:00+07:00', method: 'MANUAL', deviceId: 'pbm-meja-panitia', walkIn: true },
    // Not checked in: Lina Marlina (Inspektorat).
  ],
};

// Upcoming drafts (no invitations yet: DESIGN §3.5 forbids them on a DRAFT event). Not tied to an
// election: no election after Pilkada Serentak 2024 has a fixed voting date in this data set.
const upcomingDrafts: DemoEvent[] = [
  {
    regionCode: BATU,
    title: 'Bimtek Pengawasan Netralitas dan Disiplin ASN bagi Pengelola Kepegawaian OPD',
    type: 'BIMTEK',
    topics: ['NETRALITAS_ASN', 'DISIPLIN_ASN'],
    electionName: null,
    organizer: 'Bakesbangpol Kota Batu',
    venueName: 'Ruang Rapat Utama Balai Kota Among Tani',
    venueAddress: 'Jl. Panglima Sudirman No. 507, Kecamatan Batu, Kota Batu, Jawa Timur',
    startsAt: '2027-02-16T08:30:00+07:00',
    endsAt: '2027-02-16T14:00:00+07:00',
    capacity: 80,
    letterNumber: null,
    status: 'DRAFT',
    speakers: [
      { speakerName: 'Supriyanto, S.Sos., M.H.', topic: 'Pembinaan dan pengawasan netralitas ASN di lingkungan Pemkot Batu', startsAt: '2027-02-16T09:00:00+07:00', endsAt: '2027-02-16T10:30:00+07:00', order: 1 },
    ],
    invitations: [],
    checkIns: [],
  },
  {
    regionCode: KAB_MALANG,
    title: 'Rakor Evaluasi Pengawasan Netralitas ASN Kabupaten Malang',
    type: 'RAKOR',
    topics: ['NETRALITAS_ASN'],
    electionName: null,
    organizer: 'Bakesbangpol Kabupaten Malang',
    venueName: 'Kantor Bupati Malang',
    venueAddress: 'Jl. Panji No. 158, Kepanjen, Kabupaten Malang, Jawa Timur',
    startsAt: '2027-01-21T09:00:00+07:00',
    endsAt: '2027-01-21T12:00:00+07:00',
    capacity: 60,
    letterNumber: null,
    status: 'DRAFT',
    speakers: [],
    invitations: [],
    checkIns: [],
  },
  {
    regionCode: PASURUAN,
    title: 'Sosialisasi Netralitas ASN dan Bijak Bermedia Sosial',
    type: 'SOSIALISASI',
    topics: ['NETRALITAS_ASN', 'MEDIA_SOSIAL'],
    electionName: null,
    organizer: 'Bakesbangpol Kota Pasuruan',
    venueName: 'Kantor Wali Kota Pasuruan',
    venueAddress: 'Kota Pasuruan, Jawa Timur',
    startsAt: '2027-03-09T08:30:00+07:00',
    endsAt: '2027-03-09T12:00:00+07:00',
    capacity: 100,
    letterNumber: null,
    status: 'DRAFT',
    speakers: [
      { speakerName: 'Moh. Anas, S.Sos., M.Si.', topic: 'Pengawasan partisipatif dan netralitas ASN di media sosial', startsAt: '2027-03-09T09:00:00+07:00', endsAt: '2027-03-09T10:30:00+07:00', order: 1 },
    ],
    invitations: [],
    checkIns: [],
  },
  {
    regionCode: BALIKPAPAN,
    title: 'Rakor Tindak Lanjut Pengawasan Netralitas ASN Kota Balikpapan',
    type: 'RAKOR',
    topics: ['NETRALITAS_ASN'],
    electionName: null,
    organizer: 'Kesbangpol Kota Balikpapan',
    venueName: 'Aula Kesbangpol Kota Balikpapan',
    venueAddress: 'Kota Balikpapan, Kalimantan Timur',
    startsAt: '2027-03-10T09:00:00+08:00',
    endsAt: '2027-03-10T12:00:00+08:00',
    capacity: 50,
    letterNumber: null,
    status: 'DRAFT',
    speakers: [
      { speakerName: 'Sutadi', topic: 'Evaluasi pelaksanaan netralitas ASN dan rencana tindak lanjut', startsAt: '2027-03-10T09:00:00+08:00', endsAt: '2027-03-10T10:00:00+08:00', order: 1 },
    ],
    invitations: [],
    checkIns: [],
  },
  {
    regionCode: PRABUMULIH,
    title: 'Bimtek Netralitas Pegawai Non ASN dan PHL',
    type: 'BIMTEK',
    topics: ['NETRALITAS_ASN', 'DISIPLIN_ASN'],
    electionName: null,
    organizer: 'Kesbangpol Kota Prabumulih',
    venueName: 'Gedung Kesenian Rumah Dinas Walikota Prabumulih',
    venueAddress: 'Kota Prabumulih, Sumatera Selatan',
    startsAt: '2027-02-24T09:00:00+07:00',
    endsAt: '2027-02-24T12:00:00+07:00',
    capacity: 150,
    letterNumber: null,
    status: 'DRAFT',
    speakers: [
      { speakerName: 'Ahmad Daswan, S.E., M.M.', topic: 'Kewajiban netralitas bagi pegawai non ASN dan PHL', startsAt: '2027-02-24T09:30:00+07:00', endsAt: '2027-02-24T11:00:00+07:00', order: 1 },
    ],
    invitations: [],
    checkIns: [],
  },
];

export const events: readonly DemoEvent[] = [batuEvent, malangEvent, pasuruanEvent, balikpapanEvent, prabumulihEvent, ...upcomingDrafts];

// ---------------------------------------------------------------------------------------------
// Cascades ("menyampaikan kepada semua ASN di dinas masing-masing")
// ---------------------------------------------------------------------------------------------

const PRABUMULIH_EVENT_REF: EventRef = { title: prabumulihEvent.title, date: '2024-09-03' };

export const cascades: readonly DemoCascade[] = [
  { regionCode: PRABUMULIH, agencyName: R.satpol, sourceEvent: PRABUMULIH_EVENT_REF, heldOn: '2024-09-09', reached: { pns: 21, pppk: 0, nonAsn: 112 }, notes: 'Disampaikan pada apel pagi Satpol PP' },
  { regionCode: PRABUMULIH, agencyName: R.dlh, sourceEvent: PRABUMULIH_EVENT_REF, heldOn: '2024-09-10', reached: { pns: 47, pppk: 11, nonAsn: 236 }, notes: 'Apel gabungan petugas kebersihan (PHL) di halaman kantor DLH' },
  { regionCode: PRABUMULIH, agencyName: R.dinkes, sourceEvent: PRABUMULIH_EVENT_REF, heldOn: '2024-09-12', reached: { pns: 139, pppk: 58, nonAsn: 44 }, notes: 'Rapat bulanan kepala puskesmas dan staf Dinkes' },
  // The Inspektorat did not come to the event; the Inspektur relayed the material at the office's own meeting.
  { regionCode: PRABUMULIH, agencyName: R.inspektorat, sourceEvent: PRABUMULIH_EVENT_REF, heldOn: '2024-09-16', reached: { pns: 33, pppk: 2, nonAsn: 5 }, notes: 'Rapat staf Inspektorat' },
  { regionCode: BATU, agencyName: B.dindik, sourceEvent: { title: batuEvent.title, date: '2024-10-29' }, heldOn: '2024-11-05', reached: { pns: 418, pppk: 263, nonAsn: 91 }, notes: 'Melalui rapat K3S SD dan MKKS SMP se-Kota Batu' },
  // Satpol PP declined the event (on duty at the venue) and relayed the material at its own morning parade.
  { regionCode: BATU, agencyName: B.satpol, sourceEvent: { title: batuEvent.title, date: '2024-10-29' }, heldOn: '2024-11-04', reached: { pns: 38, pppk: 0, nonAsn: 121 }, notes: 'Apel pagi Satpol PP, materi dari Kesbangpol' },
  { regionCode: BALIKPAPAN, agencyName: K.kominfo, sourceEvent: { title: balikpapanEvent.title, date: '2023-10-20' }, heldOn: '2023-10-27', reached: { pns: 31, pppk: 8, nonAsn: 26 }, notes: 'Briefing internal Diskominfo' },
];

// ---------------------------------------------------------------------------------------------
// The pakta integritas (SKB 2022: MenPAN-RB, Mendagri, BKN, KASN, Bawaslu)
// ---------------------------------------------------------------------------------------------

export const pledgeTemplates: readonly DemoPledgeTemplate[] = [
  {
    title: 'Pakta Integritas Netralitas Aparatur Sipil Negara',
    version: 1,
    clauses: [
      'Menjaga dan menegakkan prinsip netralitas Aparatur Sipil Negara dalam melaksanakan fungsi pelayanan publik, baik sebelum, selama, maupun sesudah pelaksanaan Pemilihan Umum dan Pemilihan Kepala Daerah.',
      'Menghindari konflik kepentingan, tidak melakukan praktik-praktik intimidasi dan ancaman kepada Aparatur Sipil Negara dan seluruh elemen masyarakat, serta tidak memihak kepada pasangan calon, calon anggota legislatif, maupun partai politik tertentu.',
      'Menggunakan media sosial secara bijak, tidak menyebarkan ujaran kebencian dan berita bohong (hoaks), serta tidak memberikan tanda suka, komentar, maupun membagikan unggahan yang berpihak.',
      'Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun yang berkaitan dengan penyelenggaraan Pemilihan Umum dan Pemilihan Kepala Daerah.',
    ],
    legalBasis:
      'Keputusan Bersama Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, Ketua KASN dan Ketua Bawaslu Nomor 2 Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai Aparatur Sipil Negara dalam Penyelenggaraan Pemilihan Umum dan Pemilihan',
  },
];

// ---------------------------------------------------------------------------------------------

export const demoData: DemoData = {
  provinces,
  regions,
  offices,
  elections,
  agencies,
  people,
  users,
  speakers,
  events,
  cascades,
  pledgeTemplates,
};
