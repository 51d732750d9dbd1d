// The door app (GET /door): sign in, choose the event, scan tickets or search, register walk-ins,
// and keep working without network. Every scan is written to IndexedDB first (with its own
// clientCheckinId and the time on this device), then sent; scans that could not be sent stay
// "belum terkirim" and go through POST /events/:id/check-ins/batch when the network returns.
// The server keeps the earliest scan of a person, so sending late never changes who came when.
'use strict';

(() => {
  const root = document.getElementById('door');
  if (!root) return;
  const API = root.dataset.api;
  const $ = (id) => document.getElementById(id);

  const DB_NAME = 'netralitas-door';
  const RETRY_MS = 15_000;
  const COUNTS_MS = 30_000;
  const ROSTER_PAGE = 200;
  const ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
  const REJECTIONS = {
    'ticket-not-found': 'kode tiket tidak dikenal',
    'person-not-found': 'peserta tidak ditemukan',
    'not-registered': 'tidak terdaftar pada acara ini',
    'outside-check-in-window': 'di luar waktu pencatatan kehadiran',
    'checked-in-at-in-future': 'jam perangkat lebih cepat dari server',
    'not-recorded': 'tidak tercatat',
  };

  let token = sessionStorage.getItem('door.token');
  let event = readJson(sessionStorage, 'door.event');
  let deviceId = localStorage.getItem('door.device');
  if (!deviceId) {
    deviceId = `pintu-${uuid().slice(0, 8)}`;
    localStorage.setItem('door.device', deviceId);
  }
  let flushing = false;
  let searchSeq = 0;

  // ------------------------------------------------------------------------------------------
  // IndexedDB: the queue of scans (every scan, sent or not: the device's log) and the roster.
  // ------------------------------------------------------------------------------------------

  const dbReady = new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('scans', { keyPath: 'clientCheckinId' }).createIndex('eventId', 'eventId');
      db.createObjectStore('roster', { keyPath: 'id' }).createIndex('eventId', 'eventId');
      db.createObjectStore('agencies', { keyPath: 'regionId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

  async function store(name, mode, work) {
    const db = await dbReady;
    return new Promise((resolve, reject) => {
      const tx = db.transaction(name, mode);
      const result = work(tx.objectStore(name));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  const put = (name, value) => store(name, 'readwrite', (s) => s.put(value));
  const byEvent = (name, eventId) => store(name, 'readonly', (s) => s.index('eventId').getAll(eventId));
  const getOne = (name, key) => store(name, 'readonly', (s) => s.get(key));

  async function replaceRoster(eventId, items) {
    const db = await dbReady;
    return new Promise((resolve, reject) => {
      const tx = db.transaction('roster', 'readwrite');
      const roster = tx.objectStore('roster');
      const keys = roster.index('eventId').getAllKeys(eventId);
      keys.onsuccess = () => {
        for (const key of keys.result) roster.delete(key);
        for (const item of items) roster.put({ ...item, eventId });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }

  // ------------------------------------------------------------------------------------------
  // The API
  // ------------------------------------------------------------------------------------------

  class Offline extends Error {}

  /** fetch() with the token; a network failure (or a timeout) is an Offline error. */
  async function api(method, path, body, timeoutMs = 10_000) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
      response = await fetch(`${API}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch {
      throw new Offline();
    } finally {
      clearTimeout(timer);
    }
    setOnline(true);
    const data = await response.json().catch(() => null);
    if (response.status === 401 && token) {
      signOut('Sesi berakhir. Silakan masuk lagi; catatan yang belum terkirim tetap tersimpan.');
    }
    return { status: response.status, ok: response.ok, data };
  }

  // ------------------------------------------------------------------------------------------
  // Views
  // ------------------------------------------------------------------------------------------

  function show(view) {
    for (const id of ['view-login', 'view-events', 'view-door']) $(id).hidden = id !== view;
    $('net').hidden = false;
  }

  function setOnline(online) {
    const net = $('net');
    if (net.dataset.online === String(online) && !net.hidden) return;
    net.dataset.online = String(online);
    net.textContent = online ? 'Daring' : 'Luring — catatan disimpan di perangkat';
  }

  function start() {
    $('device').textContent = deviceId;
    setOnline(navigator.onLine);
    if (!token) return show('view-login');
    if (!event) return showEvents();
    return showDoor();
  }

  function signOut(message) {
    token = null;
    sessionStorage.removeItem('door.token');
    stopCamera();
    show('view-login');
    const error = $('login-error');
    error.hidden = !message;
    error.textContent = message || '';
  }

  $('login-form').addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const error = $('login-error');
    const button = submit.target.querySelector('button');
    error.hidden = true;
    button.disabled = true;
    try {
      const { status, data } = await api('POST', '/auth/login', { email: $('login-email').value.trim(), password: $('login-password').value });
      if (status !== 200) {
        error.textContent = status === 429 ? 'Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.' : 'Email atau kata sandi salah.';
        error.hidden = false;
        return;
      }
      if (!['CHECKIN', 'ORGANIZER', 'ADMIN'].includes(data.user.role)) {
        error.textContent = 'Akun ini bukan akun petugas pintu masuk.';
        error.hidden = false;
        return;
      }
      token = data.accessToken;
      sessionStorage.setItem('door.token', token);
      $('login-password').value = '';
      if (event) showDoor();
      else showEvents();
      flush();
    } catch (failure) {
      if (!(failure instanceof Offline)) throw failure;
      setOnline(false);
      error.textContent = 'Tidak ada jaringan. Masuk memerlukan koneksi internet.';
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  async function showEvents() {
    show('view-events');
    const list = $('events');
    const status = $('events-status');
    list.replaceChildren();
    status.textContent = 'Memuat acara…';
    // Events whose door is open today: still within 6 hours of their end, starting before tomorrow.
    const now = new Date();
    const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    const query = new URLSearchParams({ status: 'SCHEDULED', from: new Date(now.getTime() - 6 * 3_600_000).toISOString(), to: tomorrow.toISOString(), limit: '50' });
    try {
      const { ok, data } = await api('GET', `/events?${query}`);
      if (!ok) {
        status.textContent = 'Daftar acara tidak dapat dimuat.';
        return;
      }
      status.textContent = data.items.length ? '' : 'Tidak ada acara hari ini.';
      for (const item of data.items) {
        const li = element('li');
        const who = element('span', 'door__who');
        who.append(element('strong', '', item.title), element('small', '', `${clock(item.startsAt, item.timezone)}–${clock(item.endsAt, item.timezone)} · ${item.venueName}`));
        const choose = element('button', 'button', 'Pilih');
        choose.type = 'button';
        choose.addEventListener('click', () => chooseEvent(item));
        li.append(who, choose);
        list.append(li);
      }
    } catch (failure) {
      if (!(failure instanceof Offline)) throw failure;
      setOnline(false);
      status.textContent = 'Tidak ada jaringan. Acara dapat dipilih setelah perangkat kembali daring.';
    }
  }

  function chooseEvent(item) {
    event = { id: item.id, title: item.title, regionId: item.regionId, timezone: item.timezone, startsAt: item.startsAt, endsAt: item.endsAt, venueName: item.venueName };
    sessionStorage.setItem('door.event', JSON.stringify(event));
    showDoor();
  }

  async function showDoor() {
    show('view-door');
    $('event-title').textContent = event.title;
    $('event-when').textContent = `${clock(event.startsAt, event.timezone)}–${clock(event.endsAt, event.timezone)} · ${event.venueName}`;
    const cached = readJson(sessionStorage, `door.counts.${event.id}`);
    if (cached) showCounts(cached);
    await renderLog();
    await loadRoster();
    refreshCounts();
    loadAgencies();
    flush();
  }

  $('change-event').addEventListener('click', () => {
    stopCamera();
    event = null;
    sessionStorage.removeItem('door.event');
    showEvents();
  });
  $('logout').addEventListener('click', () => signOut());
  $('logout-from-events').addEventListener('click', () => signOut());

  // ------------------------------------------------------------------------------------------
  // Roster (for offline search and names of offline scans), counts, agencies
  // ------------------------------------------------------------------------------------------

  async function loadRoster() {
    const status = $('roster-status');
    const eventId = event.id;
    try {
      const items = [];
      for (let offset = 0; ; offset += ROSTER_PAGE) {
        const { ok, data } = await api('GET', `/events/${eventId}/registrations?limit=${ROSTER_PAGE}&offset=${offset}`, undefined, 20_000);
        if (!ok) throw new Offline();
        items.push(...data.items);
        if (offset + ROSTER_PAGE >= data.total) break;
      }
      await replaceRoster(eventId, items);
      status.textContent = `Daftar peserta tersimpan di perangkat: ${items.length} orang.`;
    } catch (failure) {
      if (!(failure instanceof Offline)) throw failure;
      const cached = await byEvent('roster', eventId);
      status.textContent = cached.length ? `Memakai daftar peserta yang tersimpan: ${cached.length} orang.` : 'Daftar peserta belum tersimpan di perangkat.';
    }
  }

  async function refreshCounts() {
    if (!event || !token) return;
    try {
      const { ok, data } = await api('GET', `/events/${event.id}/counts`);
      if (!ok) return;
      sessionStorage.setItem(`door.counts.${event.id}`, JSON.stringify(data));
      showCounts(data);
    } catch (failure) {
      if (!(failure instanceof Offline)) throw failure;
      setOnline(false);
    }
  }

  function showCounts(counts) {
    $('counts').textContent = `Hadir ${counts.checkedIn} dari ${counts.registered} terdaftar`;
    $('counts').dataset.checkedIn = String(counts.checkedIn);
  }

  async function loadAgencies() {
    const select = $('walk-in-agency');
    let agencies = (await getOne('agencies', event.regionId))?.items;
    try {
      const items = [];
      for (let offset = 0; ; offset += 200) {
        const { ok, data } = await api('GET', `/agencies?regionId=${event.regionId}&limit=200&offset=${offset}`);
        if (!ok) throw new Offline();
        items.push(...data.items);
        if (offset + 200 >= data.total) break;
      }
      agencies = items.map((agency) => ({ id: agency.id, name: agency.name }));
      await put('agencies', { regionId: event.regionId, items: agencies });
    } catch (failure) {
      if (!(failure instanceof Offline)) throw failure;
    }
    select.replaceChildren(element('option', '', '— pilih instansi —'));
    select.firstChild.value = '';
    for (const agency of agencies ?? []) {
      const option = element('option', '', agency.name);
      option.value = agency.id;
      select.append(option);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Scans: record on the device, send, show
  // ------------------------------------------------------------------------------------------

  /**
   * One scan. `who` names the person: { ticketCode } | { personId } | { walkIn }; `shown` is what
   * the device knows of them already (from the roster) to show while the scan is not sent.
   */
  async function checkIn(who, method, shown) {
    const scan = {
      clientCheckinId: uuid(),
      checkedInAt: new Date().toISOString(),
      deviceId,
      eventId: event.id,
      timezone: event.timezone,
      method,
      who,
      shown: shown || {},
      status: 'pending',
    };
    await put('scans', scan);
    await renderLog();
    try {
      const { status, data } = await api('POST', `/events/${scan.eventId}/check-ins`, { ...who, method, deviceId, clientCheckinId: scan.clientCheckinId, checkedInAt: scan.checkedInAt });
      if (status === 201 || status === 200) {
        await settle(scan, { status: 'sent', checkIn: data });
        showCheckIn(data, scan, status === 201);
        rosterCheckedIn(data);
        refreshCounts();
      } else if (status !== 401) {
        const message = problemMessage(data);
        await settle(scan, { status: 'rejected', reason: message });
        showResult('error', 'Tidak tercatat', message);
      }
    } catch (failure) {
      if (!(failure instanceof Offline)) throw failure;
      setOnline(false);
      const name = scan.shown.fullName || scan.who.ticketCode || scan.who.walkIn?.fullName || '';
      showResult('queued', name, `${scan.shown.agencyName ? `${scan.shown.agencyName}. ` : ''}Disimpan di perangkat, belum terkirim. Dikirim otomatis saat jaringan kembali.`);
      scheduleRetry();
    }
  }

  async function settle(scan, changes) {
    Object.assign(scan, changes, { settledAt: new Date().toISOString() });
    await put('scans', scan);
    await renderLog();
  }

  /** Sends every scan not sent yet: registered people in one batch per event, walk-ins one by one. */
  async function flush() {
    if (flushing || !token) return;
    flushing = true;
    try {
      const db = await dbReady;
      const pending = await new Promise((resolve, reject) => {
        const request = db.transaction('scans').objectStore('scans').getAll();
        request.onsuccess = () => resolve(request.result.filter((scan) => scan.status === 'pending'));
        request.onerror = () => reject(request.error);
      });
      if (pending.length === 0) return;
      const events = [...new Set(pending.map((scan) => scan.eventId))];
      for (const eventId of events) {
        const scans = pending.filter((scan) => scan.eventId === eventId && !scan.who.walkIn);
        for (let i = 0; i < scans.length; i += 1000) {
          const chunk = scans.slice(i, i + 1000);
          const items = chunk.map((scan) => ({ clientCheckinId: scan.clientCheckinId, checkedInAt: scan.checkedInAt, deviceId: scan.deviceId, ...scan.who }));
          const { ok, status, data } = await api('POST', `/events/${eventId}/check-ins/batch`, { items }, 30_000);
          if (!ok) {
            if (status === 401) return;
            // The whole batch refused (the event cancelled, the account's reach changed): say so on each.
            for (const scan of chunk) await settle(scan, { status: 'rejected', reason: problemMessage(data) });
            continue;
          }
          for (const result of data.results) {
            const scan = chunk.find((item) => item.clientCheckinId === result.clientCheckinId);
            if (!scan) continue;
            if (result.status === 'rejected') await settle(scan, { status: 'rejected', reason: REJECTIONS[result.reason] || result.reason });
            else {
              await settle(scan, { status: 'sent', checkIn: result.checkIn });
              rosterCheckedIn(result.checkIn);
            }
          }
        }
        for (const scan of pending.filter((item) => item.eventId === eventId && item.who.walkIn)) {
          const { status, data } = await api('POST', `/events/${eventId}/check-ins`, { ...scan.who, method: scan.method, deviceId: scan.deviceId, clientCheckinId: scan.clientCheckinId, checkedInAt: scan.checkedInAt });
          if (status === 401) return;
          if (status === 200 || status === 201) await settle(scan, { status: 'sent', checkIn: data });
          else await settle(scan, { status: 'rejected', reason: problemMessage(data) });
        }
      }
      refreshCounts();
    } catch (failure) {
      if (!(failure instanceof Offline)) throw failure;
      setOnline(false);
      scheduleRetry();
    } finally {
      flushing = false;
    }
  }

  let retryTimer = null;
  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      flush();
    }, RETRY_MS);
  }

  window.addEventListener('online', () => {
    setOnline(true);
    flush();
    if (event && token) loadRoster();
  });
  window.addEventListener('offline', () => setOnline(false));
  setInterval(() => {
    if (navigator.onLine) flush();
  }, RETRY_MS);
  setInterval(() => {
    if (navigator.onLine && event && !$('view-door').hidden) refreshCounts();
  }, COUNTS_MS);

  /** The roster learns of a check-in, so an offline search says who is in already. */
  async function rosterCheckedIn(checkIn) {
    if (!checkIn) return;
    const entry = await getOne('roster', checkIn.registrationId);
    if (entry && !entry.checkedInAt) await put('roster', { ...entry, checkInId: checkIn.id, checkedInAt: checkIn.checkedInAt });
  }

  // ------------------------------------------------------------------------------------------
  // What the door sees
  // ------------------------------------------------------------------------------------------

  function showCheckIn(checkIn, scan, created) {
    const ours = checkIn.clientCheckinId === scan.clientCheckinId;
    const details = [checkIn.agencyName];
    if (checkIn.delegate) details.push('diwakilkan');
    if (checkIn.walkIn) details.push('tanpa undangan');
    if (created || ours) {
      showResult('ok', checkIn.fullName, `Tercatat hadir pukul ${clock(checkIn.checkedInAt, event.timezone)}. ${details.join(' · ')}`, checkIn.signUrl);
    } else {
      const where = checkIn.deviceId ? ` di perangkat ${checkIn.deviceId}` : '';
      showResult('repeat', checkIn.fullName, `Sudah tercatat hadir sebelumnya pukul ${clock(checkIn.checkedInAt, event.timezone)}${where}. ${details.join(' · ')}`, checkIn.signUrl);
    }
  }

  function showResult(kind, name, message, signUrl) {
    const result = $('result');
    result.dataset.kind = kind;
    const title = { ok: 'Berhasil', repeat: 'Sudah hadir', queued: 'Belum terkirim', error: 'Tidak tercatat' }[kind];
    result.replaceChildren(element('span', 'door__result-label', title), element('span', 'door__result-name', name), element('span', '', message));
    if (signUrl) {
      // The pledge is signed on the attendee's own phone: a QR code to scan off this screen, and
      // the link to open or to copy.
      const qr = element('img', 'door__sign-qr');
      qr.src = `${new URL(signUrl).pathname}/qr.svg`;
      qr.alt = 'Kode QR tautan penandatanganan ikrar';
      qr.width = 220;
      qr.height = 220;
      const link = element('a', '', 'Buka tautan penandatanganan ikrar');
      link.href = signUrl;
      link.rel = 'noopener';
      const text = element('small', '', signUrl);
      result.append(element('br'), element('span', '', 'Pindai untuk menandatangani ikrar:'), element('br'), qr, element('br'), link, element('br'), text);
    }
    result.hidden = false;
    result.scrollIntoView({ block: 'nearest' });
  }

  async function renderLog() {
    if (!event) return;
    const scans = (await byEvent('scans', event.id)).sort((a, b) => b.checkedInAt.localeCompare(a.checkedInAt));
    const log = $('log');
    log.replaceChildren();
    for (const scan of scans.slice(0, 50)) {
      const li = element('li');
      li.dataset.clientCheckinId = scan.clientCheckinId;
      li.dataset.checkedInAt = scan.checkedInAt;
      li.dataset.status = scan.status;
      const name = scan.checkIn?.fullName || scan.shown.fullName || scan.who.walkIn?.fullName || scan.who.ticketCode || '';
      const agency = scan.checkIn?.agencyName || scan.shown.agencyName || '';
      const who = element('span', 'door__who');
      who.append(element('strong', '', name), element('small', '', [clock(scan.checkedInAt, scan.timezone), agency].filter(Boolean).join(' · ')));
      const label = { pending: 'belum terkirim', sent: 'terkirim', rejected: `ditolak: ${scan.reason || ''}` }[scan.status];
      const status = element('span', 'door__status', label);
      status.dataset.status = scan.status;
      li.append(who, status);
      log.append(li);
    }
    const pending = scans.filter((scan) => scan.status === 'pending').length;
    $('pending').hidden = pending === 0;
    $('pending').textContent = `${pending} catatan belum terkirim`;
  }

  // ------------------------------------------------------------------------------------------
  // Search (server while online, the stored roster otherwise)
  // ------------------------------------------------------------------------------------------

  let searchTimer = null;
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 250);
  });

  async function search() {
    const q = $('search').value.trim();
    const seq = ++searchSeq;
    const list = $('search-results');
    const status = $('search-status');
    if (q.length < 2) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let items;
    if (navigator.onLine) {
      try {
        const { ok, data } = await api('GET', `/events/${event.id}/registrations?q=${encodeURIComponent(q)}&limit=20`, undefined, 4000);
        if (ok) items = data.items;
      } catch (failure) {
        if (!(failure instanceof Offline)) throw failure;
        setOnline(false);
      }
    }
    if (!items) items = await searchRoster(q);
    if (seq !== searchSeq) return;
    list.replaceChildren();
    status.textContent = items.length ? '' : 'Tidak ditemukan. Tamu tanpa undangan dapat didaftarkan di bawah.';
    for (const item of items) list.append(await resultItem(item));
  }

  async function searchRoster(q) {
    const needle = q.toLocaleLowerCase('id');
    const digits = q.replace(/\D/g, '');
    const nipSearch = digits.length >= 4 && digits.length === q.replace(/\s/g, '').length;
    const roster = await byEvent('roster', event.id);
    return roster
      .filter((item) => (nipSearch ? (item.nip || '').startsWith(digits) : item.fullName.toLocaleLowerCase('id').includes(needle)))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'id'))
      .slice(0, 20);
  }

  async function resultItem(item) {
    const li = element('li');
    const who = element('span', 'door__who');
    const details = [item.nip, item.agencyName, item.delegate ? 'diwakilkan' : '', item.walkIn ? 'tanpa undangan' : ''].filter(Boolean).join(' · ');
    who.append(element('strong', '', item.fullName), element('small', '', details));
    li.append(who);
    const queued = (await byEvent('scans', event.id)).some((scan) => scan.status !== 'rejected' && scan.who.personId === item.personId);
    if (item.checkedInAt) {
      li.append(element('span', 'door__status', `hadir ${clock(item.checkedInAt, event.timezone)}`));
    } else if (queued) {
      li.append(element('span', 'door__status', 'dicatat di perangkat'));
    } else {
      const button = element('button', 'button', 'Hadir');
      button.type = 'button';
      button.addEventListener('click', async () => {
        button.disabled = true;
        await checkIn({ personId: item.personId }, 'MANUAL', { fullName: item.fullName, agencyName: item.agencyName });
        $('search').value = '';
        $('search-results').replaceChildren();
        $('search').focus();
      });
      li.append(button);
    }
    return li;
  }

  // ------------------------------------------------------------------------------------------
  // Tickets: typed, or read by the camera
  // ------------------------------------------------------------------------------------------

  $('ticket-form').addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const code = ticketCodeOf($('ticket-code').value);
    if (!code) return;
    $('ticket-code').value = '';
    await ticket(code, 'MANUAL');
  });

  async function ticket(code, method) {
    const roster = await byEvent('roster', event.id);
    const known = roster.find((item) => item.ticketCode === code);
    await checkIn({ ticketCode: code }, method, known ? { fullName: known.fullName, agencyName: known.agencyName } : { fullName: `Tiket ${code}` });
  }

  /** A QR ticket holds its code, or a link ending in it; typed codes may have spaces or dashes. */
  function ticketCodeOf(text) {
    const last = String(text).trim().split(/[/?#=]/).filter(Boolean).pop() || '';
    return last.replace(/[\s-]/g, '').toUpperCase();
  }

  let stream = null;
  let scanTimer = null;
  let lastCode = { code: '', at: 0 };

  $('scan-start').addEventListener('click', startCamera);
  $('scan-stop').addEventListener('click', stopCamera);

  async function startCamera() {
    const status = $('scan-status');
    if (!navigator.mediaDevices?.getUserMedia) {
      status.textContent = 'Kamera tidak dapat dipakai di peramban ini. Ketik kode tiket atau cari nama peserta.';
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      status.textContent = 'Izin kamera ditolak atau kamera tidak tersedia.';
      return;
    }
    const video = $('camera');
    video.srcObject = stream;
    await video.play();
    $('scanner').hidden = false;
    $('scan-start').hidden = true;
    const read = await qrReader(video);
    status.textContent = 'Arahkan kamera ke kode QR pada tiket.';
    const tick = async () => {
      if (!stream) return;
      try {
        const text = await read();
        if (text) {
          const code = ticketCodeOf(text);
          const now = Date.now();
          // The same ticket stays in front of the camera for a while: one scan per 4 seconds.
          if (code && (code !== lastCode.code || now - lastCode.at > 4000)) {
            lastCode = { code, at: now };
            if (navigator.vibrate) navigator.vibrate(80);
            await ticket(code, 'QR');
          }
        }
      } finally {
        if (stream) scanTimer = setTimeout(tick, 200);
      }
    };
    tick();
  }

  function stopCamera() {
    clearTimeout(scanTimer);
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    $('scanner').hidden = true;
    $('scan-start').hidden = false;
    $('scan-status').textContent = '';
  }

  /** The browser's BarcodeDetector where it reads QR codes, otherwise jsQR (served by the app). */
  async function qrReader(video) {
    if ('BarcodeDetector' in window) {
      const formats = await window.BarcodeDetector.getSupportedFormats().catch(() => []);
      if (formats.includes('qr_code')) {
        const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        return async () => (await detector.detect(video))[0]?.rawValue;
      }
    }
    await loadScript(root.dataset.jsqr);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    return async () => {
      if (!video.videoWidth) return null;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      return window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data;
    };
  }

  function loadScript(src) {
    if (window.jsQR) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }

  // ------------------------------------------------------------------------------------------
  // Walk-ins
  // ------------------------------------------------------------------------------------------

  $('walk-in-form').addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const form = submit.target;
    const error = $('walk-in-error');
    const values = Object.fromEntries(new FormData(form));
    const nip = String(values.nip || '').replace(/\D/g, '');
    const problems = [];
    if (String(values.fullName).trim().length < 3) problems.push('Tulis nama lengkap tamu.');
    if (values.nip && nip.length !== 18) problems.push('NIP terdiri dari 18 angka.');
    if (String(values.position).trim().length < 2) problems.push('Tulis jabatan tamu.');
    if (!values.agencyId) problems.push('Pilih instansi tamu.');
    error.hidden = problems.length === 0;
    error.textContent = problems.join(' ');
    if (problems.length) return;
    const walkIn = { fullName: String(values.fullName).trim(), employmentType: values.employmentType, position: String(values.position).trim(), agencyId: values.agencyId, ...(nip ? { nip } : {}) };
    const agency = $('walk-in-agency').selectedOptions[0]?.textContent || '';
    await checkIn({ walkIn }, 'MANUAL', { fullName: walkIn.fullName, agencyName: agency });
    form.reset();
    $('walk-in').open = false;
  });

  // ------------------------------------------------------------------------------------------
  // Small helpers
  // ------------------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** "13.05 WIB" in the event's zone, whatever the phone's own zone. */
  function clock(iso, timezone) {
    const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timezone }).formatToParts(new Date(iso));
    const part = (type) => parts.find((p) => p.type === type)?.value;
    return `${part('hour')}.${part('minute')} ${ZONES[timezone] || ''}`.trim();
  }

  function problemMessage(problem) {
    if (!problem) return 'Server tidak menjawab dengan benar.';
    const reasons = { 409: 'Pencatatan kehadiran tidak dapat dilakukan untuk acara ini saat ini', 404: 'Tidak ditemukan pada acara ini', 400: 'Data tidak lengkap atau tidak sesuai' };
    const fields = (problem.errors || []).map((error) => error.field).join(', ');
    return `${reasons[problem.status] || 'Gagal'}${fields ? ` (${fields})` : ''}${problem.detail ? `: ${problem.detail}` : ''}.`;
  }

  function readJson(storage, key) {
    try {
      return JSON.parse(storage.getItem(key) || 'null');
    } catch {
      return null;
    }
  }

  /** crypto.randomUUID exists only on https (and localhost); build one from random bytes elsewhere. */
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // The page keeps itself for a reload without network (door-sw.js).
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(root.dataset.worker, { scope: root.dataset.scope }).catch(() => {});
  }

  start();
})();
