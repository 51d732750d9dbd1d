/**
 * The RSVP page's form (`POST /rsvp/:token` as `application/x-www-form-urlencoded`), read into
 * the same `RespondDto` the JSON body is, and the answer's field errors put back next to the
 * form's own fields in Bahasa Indonesia.
 *
 * Fields: `status` (CONFIRMED | DECLINED); `attendee` (repeated: personIds ticked on the roster)
 * with `delegate` (repeated: the personIds sent as delegates); one new attendee as `newFullName`,
 * `newNip`, `newEmploymentType`, `newPosition`, `newDelegate`; `reason`.
 */
import type { FieldError } from '../common/errors.js';
import type { FormErrors } from '../pages/forms.js';
import { EMPLOYMENT_TYPES, type EmploymentType, parseNip } from '../people/nip.js';

export const NEW_ATTENDEE_FIELDS = ['newFullName', 'newNip', 'newEmploymentType', 'newPosition'] as const;

/** The form as posted: every value a string or, for repeated names, a list of them. */
export type RsvpFormBody = Record<string, string | string[] | undefined>;

export interface RsvpFormValues {
  status: string;
  attendee: string[];
  delegate: string[];
  newFullName: string;
  newNip: string;
  newEmploymentType: string;
  newPosition: string;
  newDelegate: boolean;
  reason: string;
}

export function readRsvpForm(body: RsvpFormBody): RsvpFormValues {
  return {
    status: first(body.status),
    attendee: all(body.attendee),
    delegate: all(body.delegate),
    newFullName: first(body.newFullName).trim(),
    newNip: first(body.newNip).trim(),
    newEmploymentType: first(body.newEmploymentType),
    newPosition: first(body.newPosition).trim(),
    newDelegate: first(body.newDelegate) !== '',
    reason: first(body.reason).trim(),
  };
}

/** Whether the form names someone new (any of the new attendee's fields filled in). */
export function namesNewAttendee(form: RsvpFormValues): boolean {
  return Boolean(form.newFullName || form.newNip || form.newPosition);
}

/**
 * The form as the body of an answer. A refusal names nobody, whatever stayed ticked; the new
 * attendee comes last, so its errors (`attendees.<last>.nip`) are told from the roster's.
 */
export function toRespondBody(form: RsvpFormValues): Record<string, unknown> {
  const confirmed = form.status === 'CONFIRMED';
  const attendees: Array<Record<string, unknown>> = confirmed ? form.attendee.map((personId) => ({ personId, delegate: form.delegate.includes(personId) })) : [];
  if (confirmed && namesNewAttendee(form)) {
    attendees.push({
      fullName: form.newFullName,
      ...(form.newNip ? { nip: form.newNip } : {}),
      employmentType: form.newEmploymentType,
      position: form.newPosition,
      delegate: form.newDelegate,
    });
  }
  return { status: form.status, ...(confirmed ? { attendees } : {}), ...(form.reason ? { reason: form.reason } : {}) };
}

/**
 * The answer's field errors (English, from RespondDto and the directory's rules) as the page
 * shows them: in Bahasa Indonesia, on the form's own fields.
 */
export function rsvpFormErrors(errors: readonly FieldError[], form: RsvpFormValues): FormErrors {
  const newIndex = form.status === 'CONFIRMED' && namesNewAttendee(form) ? form.attendee.length : -1;
  const result: Record<string, string> = {};
  for (const error of errors) {
    const [field, message] = pageError(error, newIndex, form);
    result[field] ??= message;
  }
  return result;
}

function pageError(error: FieldError, newIndex: number, form: RsvpFormValues): [string, string] {
  const match = /^attendees\.(\d+)(?:\.(\w+))?$/.exec(error.field);
  if (match && Number(match[1]) === newIndex) {
    switch (match[2]) {
      case 'fullName':
        return ['newFullName', 'Tulis nama lengkap peserta, dengan gelar, paling sedikit 2 huruf.'];
      case 'nip':
        return ['newNip', nipMessage(form.newNip, form.newEmploymentType)];
      case 'employmentType':
        return ['newEmploymentType', 'Pilih status kepegawaian peserta.'];
      case 'position':
        return ['newPosition', 'Tulis jabatan peserta, paling sedikit 2 huruf.'];
      default:
        return ['newFullName', 'Peserta baru ini sudah tercantum di atas: centang namanya saja.'];
    }
  }
  if (match) return ['attendee', 'Nama yang dipilih tidak dapat dipakai. Muat ulang halaman ini, lalu pilih lagi.'];
  switch (error.field) {
    case 'status':
      return ['status', 'Pilih hadir atau tidak hadir.'];
    case 'attendees':
      return ['attendee', form.status === 'CONFIRMED' ? 'Pilih paling sedikit satu peserta, atau tambahkan peserta baru.' : 'Jawaban tidak hadir tidak menyebut peserta.'];
    case 'reason':
      return ['reason', 'Keterangan paling banyak 500 huruf.'];
    default:
      return [error.field, 'Isian ini belum benar.'];
  }
}

/**
 * What is wrong with a NIP, in Bahasa Indonesia, by the directory's own rules (people/nip.ts):
 * the same checks, told to a person filling in a form.
 */
export function nipMessage(raw: string, employmentType: string): string {
  const type = (EMPLOYMENT_TYPES as readonly string[]).includes(employmentType) ? (employmentType as EmploymentType) : 'PNS';
  if (!raw) return 'NIP wajib diisi untuk PNS, CPNS dan PPPK.';
  const result = parseNip(raw, type);
  if (result.ok) return 'NIP ini sudah terdaftar atas nama orang lain.';
  const message = result.message;
  const digits = raw.replace(/\s/g, '');
  if (message.includes('only digits')) return 'NIP harus 18 angka, tanpa huruf atau tanda baca.';
  if (message.includes('digits, got')) return `NIP harus 18 angka; yang tertulis ${digits.length} angka.`;
  if (message.includes('birth')) return 'NIP harus 18 angka yang diawali tanggal lahir (tahun, bulan, tanggal) yang benar.';
  if (message.includes('(TMT)') || message.includes('appointment')) return 'NIP harus 18 angka: angka ke-9 sampai ke-14 adalah tahun dan bulan pengangkatan yang benar.';
  if (message.includes('gender')) return 'NIP harus 18 angka: angka ke-15 (jenis kelamin) harus 1 atau 2.';
  return 'NIP harus 18 angka sesuai kartu pegawai.';
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function all(value: string | string[] | undefined): string[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter(Boolean);
}
