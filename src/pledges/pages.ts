/**
 * The pages of pledges for people, in Bahasa Indonesia, built on src/pages:
 *
 * - the verification page (`GET /verify/:code` in a browser): valid or not, in large letters, the
 *   pledge as signed, when and by whom — the NIP masked, nothing else personal;
 * - the signing page (`GET /sign/:token`): the clauses, the typed name, an optional drawn
 *   signature (signature-pad.js) and the consent, with errors next to the fields; the answer after
 *   signing, with the verification code and the links to the certificate and the verification page;
 * - the pages of a signing link that no longer works (expired, already used).
 *
 * Pure functions of plain views: the controllers gather the data, these only write markup.
 */
import { formatIndonesianDateTime } from '../documents/indonesian-time.js';
import type { Issuer } from '../documents/letterhead.js';
import { errorSummary, fieldId, type FormErrors, textField } from '../pages/forms.js';
import { html, type SafeHtml } from '../pages/html.js';
import { renderPage } from '../pages/layout.js';
import type { PledgeCapacity } from './pledge.entity.js';

export interface TemplateView {
  title: string;
  version: number;
  clauses: readonly string[];
  legalBasis: string;
}

/** What the public verification page shows: no phone, email or signature image. */
export interface VerificationPageView {
  /** The stored hash still matches the pledge's own fields and its template. */
  valid: boolean;
  verificationCode: string;
  hash: string;
  signedAt: Date;
  capacity: PledgeCapacity;
  template: TemplateView;
  signerName: string;
  /** `198609••••••••1001`; null for people without a NIP. */
  maskedNip: string | null;
  agencyName: string;
  eventTitle: string | null;
}

export function verificationPage(issuer: Issuer, view: VerificationPageView): SafeHtml {
  const banner = view.valid
    ? html`<div class="verdict verdict--valid" role="status">
<p class="verdict__title">✓ Pakta integritas ini sah</p>
<p>Isi pakta integritas di bawah ini sama dengan yang ditandatangani dan tercatat pada rantai pakta integritas ${issuer.regionName}.</p>
</div>
`
    : html`<div class="verdict verdict--invalid" role="alert">
<p class="verdict__title">✗ Pakta integritas ini tidak sah / telah diubah</p>
<p>Data pakta integritas dengan kode ini tidak lagi sesuai dengan sidik digitalnya. Jangan gunakan dokumen ini sebagai bukti, dan laporkan kepada ${issuer.office?.name ?? 'Badan Kesatuan Bangsa dan Politik'} ${issuer.regionName}.</p>
</div>
`;
  return renderPage({
    title: 'Verifikasi Pakta Integritas',
    issuer,
    body: html`${banner}<dl class="facts card">
<dt>Kode verifikasi</dt><dd class="code">${view.verificationCode}</dd>
<dt>Ditandatangani oleh</dt><dd>${view.signerName}</dd>
<dt>NIP</dt><dd class="code">${view.maskedNip ?? '-'}</dd>
<dt>Instansi</dt><dd>${view.agencyName}${view.capacity === 'ON_BEHALF_OF_AGENCY' ? ' (atas nama instansi)' : ''}</dd>
${view.eventTitle && html`<dt>Acara</dt><dd>${view.eventTitle}</dd>\n`}<dt>Waktu penandatanganan</dt><dd>${formatIndonesianDateTime(view.signedAt, issuer.timezone)}</dd>
</dl>
${pledgeText(view.template)}<p class="hash"><span class="field__hint">Sidik digital (SHA-256)</span><code>${view.hash}</code></p>
`,
  });
}

/** The template as signed: title and version, the clauses in order, the legal basis. */
function pledgeText(template: TemplateView): SafeHtml {
  return html`<section class="card pledge-text" aria-labelledby="isi-pakta">
<h2 id="isi-pakta">${template.title}</h2>
<p class="field__hint">Versi ${template.version}</p>
<ol class="clauses">
${template.clauses.map((clause) => html`<li>${clause}</li>\n`)}</ol>
<p class="field__hint">Dasar hukum: ${template.legalBasis}</p>
</section>
`;
}

/** What the signing page shows of the check-in behind the link. */
export interface SigningPageView {
  template: TemplateView;
  /** The person checked in, whose name the typed one must match. */
  person: { fullName: string; position: string | null };
  agencyName: string;
  event: { title: string; venueName: string | null } | null;
}

/** What the person sent, shown again with errors. */
export interface SigningFormValues {
  signatureName?: string;
  signatureImage?: string;
  consent?: boolean;
}

/** The labels of the form, in its order (error summary, tests). */
export const SIGNING_LABELS = { signatureName: 'Nama lengkap', signatureImage: 'Tanda tangan', consent: 'Persetujuan' } as const;

/**
 * The page's own message for each field the API refused. The name's message quotes the
 * registered name, so a mismatch tells the person what to type.
 */
export function signingMessages(view: SigningPageView): Record<string, string> {
  return {
    signatureName: `Nama tidak sesuai dengan nama yang terdaftar: ${view.person.fullName}. Gelar boleh tidak ditulis.`,
    signatureImage: 'Tanda tangan tidak dapat dibaca. Tekan "Hapus", lalu gambar ulang.',
    consent: 'Centang pernyataan ini untuk menandatangani pakta integritas.',
  };
}

export function signingPage(issuer: Issuer, view: SigningPageView, values: SigningFormValues = {}, errors: FormErrors = {}): SafeHtml {
  const consentError = errors.consent;
  const signatureError = errors.signatureImage;
  return renderPage({
    title: 'Tanda Tangan Pakta Integritas',
    issuer,
    scripts: ['signature-pad.js'],
    body: html`<dl class="facts">
<dt>Penanda tangan</dt><dd>${view.person.fullName}${view.person.position && html`<br><span class="field__hint">${view.person.position}</span>`}</dd>
<dt>Instansi</dt><dd>${view.agencyName}</dd>
${view.event && html`<dt>Acara</dt><dd>${[view.event.title, view.event.venueName].filter(Boolean).join(', ')}</dd>\n`}</dl>
${pledgeText(view.template)}${errorSummary(errors, SIGNING_LABELS)}<form method="post" class="card" novalidate>
${textField({
  name: 'signatureName',
  label: SIGNING_LABELS.signatureName,
  hint: 'Ketik nama Anda sebagai tanda tangan, sesuai nama di atas',
  value: values.signatureName,
  autocomplete: 'name',
  required: true,
  errors,
})}
<div class="field signature-pad${signatureError ? ' field--error' : ''}" data-signature-pad>
<label for="signature-canvas">${SIGNING_LABELS.signatureImage} (tidak wajib)</label>
<span class="field__hint" id="signature-hint">Gambar tanda tangan Anda dengan jari di dalam kotak.</span>
${signatureError && html`<span class="field__error" id="${fieldId('signatureImage')}-error">${signatureError}</span>`}
<canvas id="signature-canvas" class="signature-pad__canvas" width="600" height="220" aria-describedby="signature-hint"></canvas>
<input type="hidden" id="${fieldId('signatureImage')}" name="signatureImage" value="">
<button type="button" class="button button--secondary signature-pad__clear">Hapus</button>
</div>
<div class="field field--check${consentError ? ' field--error' : ''}">
${consentError && html`<span class="field__error" id="${fieldId('consent')}-error">${consentError}</span>`}
<input type="checkbox" id="${fieldId('consent')}" name="consent" value="true"${values.consent ? html` checked` : null}${consentError ? html` aria-invalid="true" aria-describedby="${fieldId('consent')}-error"` : null}>
<label for="${fieldId('consent')}">Saya telah membaca pakta integritas di atas dan dengan sadar, tanpa paksaan, menyetujui serta menandatanganinya secara elektronik.</label>
</div>
<button type="submit" class="button button--block" data-sending="Mengirim…">Tanda tangani</button>
</form>
`,
  });
}

/** The answer after signing. */
export interface SignedPageView {
  signerName: string;
  signedAt: Date;
  verificationCode: string;
  /** The public verification page (`/api/v1/verify/<code>`). */
  verifyUrl: string;
  /** The certificate (PDF) the signer may download. */
  certificateUrl: string;
}

export function signedPage(issuer: Issuer, view: SignedPageView): SafeHtml {
  return renderPage({
    title: 'Pakta Integritas Ditandatangani',
    issuer,
    body: html`<div class="notice notice--ok" role="status">
<p>Terima kasih, <strong>${view.signerName}</strong>. Pakta integritas Anda telah ditandatangani pada ${formatIndonesianDateTime(view.signedAt, issuer.timezone)}.</p>
</div>
<div class="card">
<p>Kode verifikasi</p>
<p class="verification-code code">${view.verificationCode}</p>
<p class="field__hint">Simpan kode ini. Siapa pun dapat memeriksa keaslian pakta integritas Anda dengan kode ini.</p>
<p><a class="button button--block" href="${view.certificateUrl}">Unduh sertifikat (PDF)</a></p>
<p><a class="button button--block button--secondary" href="${view.verifyUrl}">Lihat halaman verifikasi</a></p>
</div>
`,
  });
}

export type ClosedLinkReason = 'expired' | 'used';

const CLOSED_TEXTS: Record<ClosedLinkReason, { title: string; message: string }> = {
  expired: {
    title: 'Tautan sudah kedaluwarsa',
    message: 'Waktu penandatanganan melalui tautan ini sudah berakhir. Hubungi petugas di meja registrasi untuk menandatangani pakta integritas.',
  },
  used: {
    title: 'Pakta integritas sudah ditandatangani',
    message: 'Tautan ini sudah digunakan: pakta integritas Anda untuk acara ini sudah ditandatangani dan tidak perlu ditandatangani lagi.',
  },
};

/** A signing link that no longer works; `verifyUrl` points at the pledge already signed, when known. */
export function closedLinkPage(issuer: Issuer | undefined, reason: ClosedLinkReason, verifyUrl?: string | null): SafeHtml {
  const text = CLOSED_TEXTS[reason];
  return renderPage({
    title: text.title,
    issuer,
    body: html`<div class="card">
<p>${text.message}</p>
${verifyUrl && html`<p><a class="button button--block button--secondary" href="${verifyUrl}">Lihat pakta integritas yang sudah ditandatangani</a></p>\n`}</div>
`,
  });
}
