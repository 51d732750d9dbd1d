import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * NIP (Nomor Induk Pegawai), the 18-digit number of an Indonesian civil servant (DESIGN §2).
 *
 *   PNS, CPNS  19850312 201001 1 003  birth date YYYYMMDD, TMT (appointment) YYYYMM, gender, sequence
 *   PPPK       19850312 2021 21 1 003 birth date YYYYMMDD, appointment year YYYY, a 2-digit code
 *                                     (not a month), gender, sequence
 *
 * Both layouts put the birth date in digits 1–8, the gender in digit 15 and the sequence in 16–18;
 * only digits 9–14 differ.
 */

export const EMPLOYMENT_TYPES = ['PNS', 'CPNS', 'PPPK', 'NON_ASN', 'EXTERNAL'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export interface NipParts {
  /** ISO date, `yyyy-mm-dd`. */
  birthDate: string;
  /** The TMT as `yyyy-mm` (PNS, CPNS) or the appointment year `yyyy` (PPPK). */
  appointment: string;
  gender: 'M' | 'F';
  /** Three digits, as written (`003`). */
  sequence: string;
}

export type NipResult =
  /** `nip` is the normalized 18 digits to store; `parts` is null when the type has no NIP layout. */
  | { ok: true; nip: string; parts: NipParts | null }
  | { ok: false; message: string };

/**
 * Which layout each employment type's NIP follows. Non-ASN staff (honorer) and external guests
 * (TNI, Polri, invited speakers) have no NIP of their own: when they give one anyway (e.g. a PNS
 * seconded elsewhere) we cannot know its layout, so only its shape (18 digits) is checked.
 */
const NIP_LAYOUT: Record<EmploymentType, 'PNS' | 'PPPK' | null> = {
  PNS: 'PNS',
  CPNS: 'PNS',
  PPPK: 'PPPK',
  NON_ASN: null,
  EXTERNAL: null,
};

const NIP_LENGTH = 18;
const OLDEST_BIRTH_YEAR = 1940;
/** The first PPPK were appointed in 2019. */
const FIRST_PPPK_YEAR = 2019;
const GENDERS: Record<string, NipParts['gender']> = { '1': 'M', '2': 'F' };

/** Thrown inside this module only; `parseNip` turns it into `{ ok: false, message }`. */
class InvalidNip extends Error {}

/** People type NIPs in groups ("19850312 201001 1 003"); spreadsheets add non-breaking spaces. */
export function normalizeNip(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/**
 * A NIP as letters print it, in its groups: "19700315 199703 1 006" (birth date, appointment,
 * gender, sequence; PPPK: "19900211 202221 2 041"). Anything but 18 digits is printed as given.
 */
export function formatNip(nip: string): string {
  const digits = normalizeNip(nip);
  if (!/^\d{18}$/.test(digits)) return nip;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits[14]} ${digits.slice(15)}`;
}

/** ASN (PNS, CPNS, PPPK) always have a NIP; non-ASN staff and external guests may have none. */
export function nipRequired(employmentType: EmploymentType): boolean {
  return NIP_LAYOUT[employmentType] !== null;
}

export function parseNip(raw: string, employmentType: EmploymentType): NipResult {
  const nip = normalizeNip(raw);
  try {
    checkShape(nip);
    return { ok: true, nip, parts: readParts(nip, NIP_LAYOUT[employmentType]) };
  } catch (error) {
    if (error instanceof InvalidNip) return { ok: false, message: error.message };
    throw error;
  }
}

function checkShape(nip: string): void {
  // An 18-digit number in a spreadsheet cell formatted as "Number" is exported as 1.98503E+17.
  if (/^\d([.,]\d+)?E\+?\d+$/i.test(nip)) {
    throw new InvalidNip(`NIP ${nip} was turned into a number by a spreadsheet: format the NIP column as Text and enter all 18 digits`);
  }
  if (!/^\d*$/.test(nip)) throw new InvalidNip('NIP must contain only digits');
  if (nip.length !== NIP_LENGTH) throw new InvalidNip(`NIP must be ${NIP_LENGTH} digits, got ${nip.length}`);
}

function readParts(nip: string, layout: 'PNS' | 'PPPK' | null): NipParts | null {
  if (layout === null) return null;
  const birthDate = readBirthDate(nip.slice(0, 8));
  const appointment = layout === 'PNS' ? readTmt(nip.slice(8, 14)) : readPppkYear(nip.slice(8, 12));
  // Compare at the precision of the appointment: `2010-01` against `1985-03`, `2021` against `1985`.
  if (appointment < birthDate.slice(0, appointment.length)) {
    throw new InvalidNip(`NIP appointment ${appointment} is before the birth date ${birthDate}`);
  }
  return { birthDate, appointment, gender: readGender(nip[14]), sequence: nip.slice(15) };
}

function readBirthDate(digits: string): string {
  const [year, month, day] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)].map(Number);
  if (!isCalendarDate(year, month, day)) throw new InvalidNip(`NIP birth date ${digits} is not a real date`);
  const thisYear = currentYear();
  if (year < OLDEST_BIRTH_YEAR || year > thisYear) {
    throw new InvalidNip(`NIP birth year ${year} is not plausible (expected ${OLDEST_BIRTH_YEAR}–${thisYear})`);
  }
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** TMT (terhitung mulai tanggal): the month the appointment took effect. */
function readTmt(digits: string): string {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  if (month < 1 || month > 12) throw new InvalidNip(`NIP appointment month (TMT) must be 01–12, got ${digits.slice(4, 6)}`);
  // CPNS are announced before their TMT, so next year's TMT is still plausible.
  const latest = currentYear() + 1;
  if (year > latest) throw new InvalidNip(`NIP appointment year ${year} is in the future`);
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}`;
}

function readPppkYear(digits: string): string {
  const year = Number(digits);
  const latest = currentYear() + 1;
  if (year < FIRST_PPPK_YEAR || year > latest) {
    throw new InvalidNip(`NIP appointment year ${year} is not plausible for PPPK (expected ${FIRST_PPPK_YEAR}–${latest})`);
  }
  return digits;
}

function readGender(digit: string): NipParts['gender'] {
  const gender = GENDERS[digit];
  if (!gender) throw new InvalidNip(`NIP gender digit must be 1 or 2, got ${digit}`);
  return gender;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function currentYear(): number {
  return new Date().getUTCFullYear();
}

/**
 * The NIP problem of a DTO's `nip` given its `employmentType`, or null when there is none.
 * An unknown employment type is left to that field's own validator.
 */
function nipProblem(value: unknown, employmentType: unknown): string | null {
  if (!EMPLOYMENT_TYPES.includes(employmentType as EmploymentType)) return null;
  const type = employmentType as EmploymentType;
  if (value === undefined || value === null || value === '') {
    return nipRequired(type) ? `NIP is required for ${type} employees` : null;
  }
  if (typeof value !== 'string') return 'NIP must be a string of 18 digits';
  const result = parseNip(value, type);
  return result.ok ? null : result.message;
}

/**
 * Validates a DTO's `nip` against the sibling `employmentType` (and requires it for ASN).
 * Do not combine with `@IsOptional()`, which would skip the "required for ASN" rule; pair with
 * `@Transform(({ value }) => typeof value === 'string' ? normalizeNip(value) : value)` to store
 * the digits only. A body without `employmentType` (a partial update) is not checked here.
 */
export function IsNipOfEmploymentType(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isNipOfEmploymentType',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => nipProblem(value, employmentTypeOf(args)) === null,
        defaultMessage: (args?: ValidationArguments) => (args && nipProblem(args.value, employmentTypeOf(args))) ?? 'NIP is not valid',
      },
    });
  };
}

function employmentTypeOf(args: ValidationArguments): unknown {
  return (args.object as { employmentType?: unknown }).employmentType;
}
