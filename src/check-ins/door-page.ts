import { API_PREFIX } from '../config/config.js';
import { EMPLOYMENT_TYPES } from '../people/nip.js';
import { assetUrl } from '../pages/assets.js';
import { html, type SafeHtml } from '../pages/html.js';
import { renderPage } from '../pages/layout.js';

/** Where the door app lives, and its service worker, whose scope it is. */
export const DOOR_PATH = `/${API_PREFIX}/door`;
export const DOOR_WORKER_PATH = `${DOOR_PATH}/sw.js`;

const EMPLOYMENT_LABELS: Record<(typeof EMPLOYMENT_TYPES)[number], string> = {
  PNS: 'PNS',
  CPNS: 'CPNS',
  PPPK: 'PPPK',
  NON_ASN: 'Non-ASN',
  EXTERNAL: 'Luar instansi (TNI, Polri, tamu)',
};

/**
 * The door app (`GET /door`): one page holding every step — sign in, choose the event, scan or
 * search, register a walk-in — shown one at a time by door.js, which talks to the JSON API with
 * the signed-in user's token. The page itself is the same for everyone and carries no data: it
 * is what the service worker keeps for a reload without network. Without JavaScript it says so.
 */
export function doorPage(): SafeHtml {
  return renderPage({
    title: 'Pintu Masuk',
    heading: 'Pintu Masuk Acara',
    styles: ['door.css'],
    scripts: ['door.js'],
    body: html`<div id="door" class="door" data-api="/${API_PREFIX}" data-jsqr="${assetUrl('jsqr.js')}" data-worker="${DOOR_WORKER_PATH}" data-scope="${DOOR_PATH}">
<noscript><p class="notice notice--error">Aplikasi pintu masuk memerlukan JavaScript. Aktifkan JavaScript di peramban Anda.</p></noscript>
<p id="net" class="door__net" data-online="true" hidden>Daring</p>

<section id="view-login" class="card" hidden>
<h2>Masuk petugas</h2>
<p id="login-error" class="notice notice--error" role="alert" hidden></p>
<form id="login-form" novalidate>
<div class="field"><label for="login-email">Email</label><input type="email" id="login-email" name="email" autocomplete="username" required></div>
<div class="field"><label for="login-password">Kata sandi</label><input type="password" id="login-password" name="password" autocomplete="current-password" required></div>
<button type="submit" class="button button--block">Masuk</button>
</form>
</section>

<section id="view-events" hidden>
<h2>Pilih acara hari ini</h2>
<p id="events-status" class="field__hint" role="status"></p>
<ul id="events" class="door__list"></ul>
<button type="button" id="logout-from-events" class="button button--secondary">Keluar</button>
</section>

<section id="view-door" hidden>
<div class="door__event card">
<p id="event-title" class="door__event-title"></p>
<p id="event-when" class="field__hint"></p>
<p id="counts" class="door__counts" role="status"></p>
<p id="pending" class="door__pending" hidden></p>
<p id="roster-status" class="field__hint"></p>
</div>

<div id="result" class="door__result" role="alert" hidden></div>

<div class="card">
<h2>Pindai tiket</h2>
<button type="button" id="scan-start" class="button button--block">Buka kamera</button>
<div id="scanner" class="door__scanner" hidden>
<video id="camera" class="door__camera" playsinline muted></video>
<button type="button" id="scan-stop" class="button button--secondary button--block">Tutup kamera</button>
</div>
<p id="scan-status" class="field__hint" role="status"></p>
<form id="ticket-form" class="door__inline" novalidate>
<div class="field"><label for="ticket-code">Atau ketik kode tiket</label><input type="text" id="ticket-code" name="ticketCode" autocomplete="off" autocapitalize="characters" spellcheck="false"></div>
<button type="submit" class="button">Catat hadir</button>
</form>
</div>

<div class="card">
<h2>Cari peserta</h2>
<div class="field"><label for="search">Nama atau NIP</label><input type="search" id="search" autocomplete="off" inputmode="search"></div>
<p id="search-status" class="field__hint" role="status"></p>
<ul id="search-results" class="door__list"></ul>
</div>

<details class="card" id="walk-in">
<summary>Daftarkan tamu tanpa undangan</summary>
<form id="walk-in-form" novalidate>
<p id="walk-in-error" class="notice notice--error" role="alert" hidden></p>
<div class="field"><label for="walk-in-name">Nama lengkap</label><span class="field__hint">Dengan gelar, sesuai KTP</span><input type="text" id="walk-in-name" name="fullName" autocomplete="off" required></div>
<div class="field"><label for="walk-in-nip">NIP</label><span class="field__hint">18 angka; kosongkan bila tidak ada</span><input type="text" id="walk-in-nip" name="nip" inputmode="numeric" autocomplete="off"></div>
<div class="field"><label for="walk-in-type">Status kepegawaian</label><select id="walk-in-type" name="employmentType">
${EMPLOYMENT_TYPES.map((type) => html`<option value="${type}">${EMPLOYMENT_LABELS[type]}</option>\n`)}</select></div>
<div class="field"><label for="walk-in-position">Jabatan</label><input type="text" id="walk-in-position" name="position" autocomplete="off" required></div>
<div class="field"><label for="walk-in-agency">Instansi</label><select id="walk-in-agency" name="agencyId" required></select></div>
<button type="submit" class="button button--block">Daftarkan dan catat hadir</button>
</form>
</details>

<div class="card">
<h2>Riwayat di perangkat ini</h2>
<p class="field__hint">Perangkat: <span id="device"></span></p>
<ul id="log" class="door__list door__log"></ul>
</div>

<p class="door__actions">
<button type="button" id="change-event" class="button button--secondary">Ganti acara</button>
<button type="button" id="logout" class="button button--secondary">Keluar</button>
</p>
</section>
</div>
`,
  });
}
