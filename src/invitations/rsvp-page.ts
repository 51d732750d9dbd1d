/**
 * The RSVP page (`GET /rsvp/:token` for browsers): what the holder of a letter's link sees on a
 * phone, in Bahasa Indonesia — the event, its day and time in the region's zone, the venue and
 * seats, the current answer with each attendee's ticket (code and QR), and while answers are
 * taken, the form to confirm or decline, to pick attendees from the agency's people (searched on
 * the server with `?q=`), add someone new, mark delegates, and attach the surat tugas.
 * Plain HTML forms: it works without scripts (assets/rsvp.js only hides the attendees while
 * "Tidak hadir" is chosen, and ticks someone marked as a delegate).
 */
import QRCode from 'qrcode';
import type { Issuer } from '../documents/letterhead.js';
import { formatIndonesianDate, formatTimeRange } from '../documents/indonesian-time.js';
import { errorSummary, fieldId, type FormErrors, textField } from '../pages/forms.js';
import { html, type SafeHtml } from '../pages/html.js';
import { renderPage } from '../pages/layout.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../people/nip.js';
import type { RsvpResponse } from './dto/invitation.dto.js';
import { invitationSchedule } from './invitation-message.js';
import type { RsvpFormValues } from './rsvp-form.js';

export const EMPLOYMENT_LABELS: Record<EmploymentType, string> = {
  PNS: 'PNS',
  CPNS: 'CPNS',
  PPPK: 'PPPK',
  NON_ASN: 'Non-ASN (honorer, tenaga kontrak)',
  EXTERNAL: 'Lainnya (TNI, Polri, tamu)',
};

const STATUS_LABELS: Record<RsvpResponse['status'], string> = {
  PENDING: 'Belum dijawab',
  CONFIRMED: 'Hadir',
  DECLINED: 'Tidak hadir',
};

/** The labels of the form's fields, in the order of the form (for the error summary). */
const LABELS = {
  status: 'Jawaban',
  attendee: 'Peserta',
  newFullName: 'Nama lengkap peserta baru',
  newNip: 'NIP peserta baru',
  newEmploymentType: 'Status kepegawaian peserta baru',
  newPosition: 'Jabatan peserta baru',
  reason: 'Keterangan',
  file: 'Surat tugas',
};

export interface RsvpPageInput {
  view: RsvpResponse;
  issuer: Issuer;
  /** The path of the page itself (the form posts back to it). */
  path: string;
  q?: string;
  /** What was posted, shown again with its errors. */
  form?: RsvpFormValues;
  errors?: FormErrors;
  /** A line at the top: the answer recorded, the letter received, or why it was not taken. */
  notice?: { kind: 'ok' | 'error'; text: string };
}

export async function renderRsvpPage(input: RsvpPageInput): Promise<SafeHtml> {
  const { view } = input;
  const errors = input.errors ?? {};
  const tickets = await ticketImages(view);
  return renderPage({
    title: 'Konfirmasi Kehadiran',
    issuer: input.issuer,
    scripts: ['rsvp.js'],
    body: html`${input.notice && html`<p class="notice notice--${input.notice.kind}" role="status">${input.notice.text}</p>\n`}${eventCard(view)}${answerCard(view, tickets)}${
      view.open ? html`${errorSummary(errors, LABELS)}${answerForm(input, errors)}${assignmentLetterForm(input, errors)}` : html`<p class="notice notice--error" id="answers-closed">Acara sudah dimulai: jawaban tidak dapat diberikan atau diubah lagi.</p>\n`
    }`,
  });
}

function eventCard(view: RsvpResponse): SafeHtml {
  const event = view.event;
  const startsAt = new Date(event.startsAt);
  const endsAt = new Date(event.endsAt);
  const schedule = invitationSchedule({ ...event, startsAt, endsAt, timezone: event.timezone });
  const when = schedule.time ? `${formatIndonesianDate(startsAt, event.timezone)}, ${formatTimeRange(startsAt, endsAt, event.timezone)}` : schedule.date;
  return html`<section class="card" aria-labelledby="acara">
<h2 id="acara">${event.title}</h2>
<dl class="facts">
<dt>Untuk</dt><dd>Yth. ${view.addresseeTitle}, ${view.agencyName}</dd>
<dt>Hari, tanggal, waktu</dt><dd id="event-when">${when}</dd>
<dt>Tempat</dt><dd>${schedule.venue}</dd>
<dt>Jumlah peserta</dt><dd id="seats">paling banyak ${view.seats} orang</dd>
${event.organizer && html`<dt>Penyelenggara</dt><dd>${event.organizer}</dd>`}
</dl>
</section>
`;
}

function answerCard(view: RsvpResponse, tickets: Map<string, string>): SafeHtml {
  return html`<section class="card" aria-labelledby="jawaban">
<h2 id="jawaban">Jawaban saat ini: <span id="answer-status">${STATUS_LABELS[view.status]}</span></h2>
${view.reason && html`<p>Keterangan: ${view.reason}</p>`}
${
  view.attendees.length > 0
    ? html`<ul class="tickets">
${view.attendees.map(
  (attendee) => html`<li class="ticket" data-ticket="${attendee.ticketCode}">
<img class="ticket__qr" src="${tickets.get(attendee.ticketCode!) ?? ''}" alt="Kode QR tiket ${attendee.ticketCode}" width="132" height="132">
<div><strong>${attendee.person.fullName}</strong>${attendee.delegate ? html` <span class="badge">wakil</span>` : null}<br>
${attendee.person.position}<br>
Kode tiket: <code class="ticket__code">${attendee.ticketCode}</code>${attendee.checkedIn ? html`<br>Sudah hadir` : null}</div>
</li>
`,
)}</ul>
<p class="field__hint">Tunjukkan kode QR tiket kepada petugas di pintu masuk.</p>`
    : null
}
${view.assignmentLetter && html`<p id="assignment-letter">Surat tugas sudah dilampirkan (${view.assignmentLetter.originalName ?? view.assignmentLetter.mediaType}).</p>`}
</section>
`;
}

function answerForm(input: RsvpPageInput, errors: FormErrors): SafeHtml {
  const { view } = input;
  const form = input.form;
  const status = form?.status ?? (view.status === 'PENDING' ? '' : view.status);
  const chosen = new Set(form ? form.attendee : view.attendees.map((attendee) => attendee.person.id));
  const delegates = new Set(form ? form.delegate : view.attendees.filter((attendee) => attendee.delegate).map((attendee) => attendee.person.id));
  // Those already named stay on the list whatever the search shows.
  const people = [
    ...view.attendees.map((attendee) => ({ id: attendee.person.id, fullName: attendee.person.fullName, position: attendee.person.position })),
    ...view.roster.filter((person) => !view.attendees.some((attendee) => attendee.person.id === person.id)),
  ];
  const statusError = errors.status;
  const attendeeError = errors.attendee;
  return html`<section class="card" aria-labelledby="jawab">
<h2 id="jawab">Jawab undangan</h2>
<form method="get" action="${input.path}" class="search" role="search">
<div class="field">
<label for="field-q">Cari pegawai (nama atau NIP)</label>
<input type="search" id="field-q" name="q" value="${input.q ?? ''}" inputmode="search">
</div>
<button type="submit" class="button button--secondary">Cari</button>
</form>
<form method="post" action="${input.path}" novalidate id="answer-form">
<fieldset class="field${statusError ? ' field--error' : ''}" id="${fieldId('status')}">
<legend>Jawaban</legend>
${statusError && html`<span class="field__error">${statusError}</span>`}
<label class="choice"><input type="radio" name="status" value="CONFIRMED"${status === 'CONFIRMED' ? html` checked` : null}> Hadir</label>
<label class="choice"><input type="radio" name="status" value="DECLINED"${status === 'DECLINED' ? html` checked` : null}> Tidak hadir</label>
</fieldset>
<fieldset class="field${attendeeError ? ' field--error' : ''}" id="${fieldId('attendee')}" data-attendees>
<legend>Peserta (paling banyak ${view.seats} orang)</legend>
<span class="field__hint">Centang yang akan hadir; centang “wakil” bila hadir mewakili ${view.addresseeTitle}.</span>
${attendeeError && html`<span class="field__error" id="field-attendee-error">${attendeeError}</span>`}
${
  people.length > 0
    ? html`<ul class="people">
${people.map(
  (person) => html`<li class="person">
<label class="choice"><input type="checkbox" name="attendee" value="${person.id}"${chosen.has(person.id) ? html` checked` : null}> ${person.fullName}${person.position ? html` <span class="field__hint">${person.position}</span>` : null}</label>
<label class="choice choice--small"><input type="checkbox" name="delegate" value="${person.id}"${delegates.has(person.id) ? html` checked` : null}> wakil</label>
</li>
`,
)}</ul>`
    : html`<p class="field__hint">${input.q ? 'Tidak ada pegawai yang cocok dengan pencarian.' : 'Belum ada pegawai instansi ini yang terdaftar: tambahkan peserta baru di bawah.'}</p>`
}
${view.rosterTotal > view.roster.length ? html`<p class="field__hint">Menampilkan ${view.roster.length} dari ${view.rosterTotal} pegawai: gunakan pencarian.</p>` : null}
</fieldset>
<fieldset class="field" data-attendees>
<legend>Tambah peserta baru</legend>
<span class="field__hint">Bila yang hadir belum ada di daftar di atas.</span>
${textField({ name: 'newFullName', label: 'Nama lengkap', hint: 'Dengan gelar, misalnya Drs. Ahmad Fauzi, M.Si.', value: form?.newFullName, autocomplete: 'off', errors })}
${textField({ name: 'newNip', label: 'NIP', hint: '18 angka; kosongkan untuk non-ASN, TNI, Polri dan tamu', value: form?.newNip, inputmode: 'numeric', autocomplete: 'off', errors })}
${employmentSelect(form?.newEmploymentType ?? '', errors)}
${textField({ name: 'newPosition', label: 'Jabatan', hint: 'Misalnya Sekretaris Dinas', value: form?.newPosition, autocomplete: 'off', errors })}
<label class="choice"><input type="checkbox" name="newDelegate" value="1"${form?.newDelegate ? html` checked` : null}> hadir sebagai wakil</label>
</fieldset>
<div class="field${errors.reason ? ' field--error' : ''}">
<label for="${fieldId('reason')}">Keterangan (tidak wajib)</label>
<span class="field__hint">Misalnya alasan tidak dapat hadir.</span>
${errors.reason && html`<span class="field__error">${errors.reason}</span>`}
<textarea id="${fieldId('reason')}" name="reason" maxlength="500">${form?.reason ?? view.reason ?? ''}</textarea>
</div>
<button type="submit" class="button button--block" data-sending="Mengirim…">Kirim jawaban</button>
</form>
</section>
`;
}

function employmentSelect(value: string, errors: FormErrors): SafeHtml {
  const error = errors.newEmploymentType;
  const id = fieldId('newEmploymentType');
  return html`<div class="field${error ? ' field--error' : ''}">
<label for="${id}">Status kepegawaian</label>
${error && html`<span class="field__error" id="${id}-error">${error}</span>`}
<select id="${id}" name="newEmploymentType"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : null}>
${EMPLOYMENT_TYPES.map((type) => html`<option value="${type}"${type === (value || 'PNS') ? html` selected` : null}>${EMPLOYMENT_LABELS[type]}</option>\n`)}</select>
</div>
`;
}

function assignmentLetterForm(input: RsvpPageInput, errors: FormErrors): SafeHtml {
  const error = errors.file;
  const id = fieldId('file');
  return html`<section class="card" aria-labelledby="surat-tugas">
<h2 id="surat-tugas">Surat tugas</h2>
<form method="post" action="${input.path}/assignment-letter" enctype="multipart/form-data" novalidate>
<div class="field${error ? ' field--error' : ''}">
<label for="${id}">Lampirkan surat tugas wakil</label>
<span class="field__hint" id="${id}-hint">PDF, PNG atau JPEG, paling besar 10 MB. Berkas baru menggantikan yang lama.</span>
${error && html`<span class="field__error" id="${id}-error">${error}</span>`}
<input type="file" id="${id}" name="file" accept="application/pdf,image/png,image/jpeg" aria-describedby="${id}-hint${error ? ' field-file-error' : ''}">
</div>
<button type="submit" class="button button--secondary button--block" data-sending="Mengirim…">Kirim surat tugas</button>
</form>
</section>
`;
}

/** Each ticket's QR code (the code the door scans), drawn here as a PNG data URL: nothing is fetched from elsewhere. */
async function ticketImages(view: RsvpResponse): Promise<Map<string, string>> {
  const codes = view.attendees.flatMap((attendee) => (attendee.ticketCode ? [attendee.ticketCode] : []));
  const images = await Promise.all(codes.map((code) => QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, scale: 6 })));
  return new Map(codes.map((code, index) => [code, images[index]]));
}
