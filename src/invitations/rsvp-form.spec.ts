import { nipMessage, readRsvpForm, rsvpFormErrors, toRespondBody } from './rsvp-form.js';

describe('the RSVP page form', () => {
  const roster = ['0b8f6f0e-1111-4c1a-9f00-000000000001', '0b8f6f0e-1111-4c1a-9f00-000000000002'];

  it('reads ticked people, delegates and someone new into the answer, the new attendee last', () => {
    const form = readRsvpForm({
      status: 'CONFIRMED',
      attendee: roster,
      delegate: roster[1],
      newFullName: ' Kapten Inf. Joko Susilo ',
      newNip: '',
      newEmploymentType: 'EXTERNAL',
      newPosition: 'Danramil 0818/01',
      newDelegate: '1',
      reason: '',
    });
    expect(toRespondBody(form)).toEqual({
      status: 'CONFIRMED',
      attendees: [
        { personId: roster[0], delegate: false },
        { personId: roster[1], delegate: true },
        { fullName: 'Kapten Inf. Joko Susilo', employmentType: 'EXTERNAL', position: 'Danramil 0818/01', delegate: true },
      ],
    });
  });

  it('names nobody on a refusal, whatever stayed ticked', () => {
    const form = readRsvpForm({ status: 'DECLINED', attendee: roster[0], newFullName: 'Someone', reason: 'Bertugas di luar kota' });
    expect(toRespondBody(form)).toEqual({ status: 'DECLINED', reason: 'Bertugas di luar kota' });
  });

  it("puts the new attendee's errors on its own fields, in Bahasa Indonesia", () => {
    const form = readRsvpForm({ status: 'CONFIRMED', attendee: roster[0], newFullName: 'Dra. Endang', newNip: '123', newEmploymentType: 'PNS', newPosition: '' });
    expect(
      rsvpFormErrors(
        [
          { field: 'attendees.1.nip', message: 'NIP must be 18 digits, got 3' },
          { field: 'attendees.1.position', message: 'position must be …' },
        ],
        form,
      ),
    ).toEqual({ newNip: 'NIP harus 18 angka; yang tertulis 3 angka.', newPosition: 'Tulis jabatan peserta, paling sedikit 2 huruf.' });
    expect(rsvpFormErrors([{ field: 'attendees', message: 'a confirmation names at least one attendee' }], readRsvpForm({ status: 'CONFIRMED' }))).toEqual({
      attendee: 'Pilih paling sedikit satu peserta, atau tambahkan peserta baru.',
    });
  });

  it("tells a NIP's mistake by the directory's rules", () => {
    expect(nipMessage('19850312 201001 3 001', 'PNS')).toBe('NIP harus 18 angka: angka ke-15 (jenis kelamin) harus 1 atau 2.');
    expect(nipMessage('19851332 201001 1 001', 'PNS')).toContain('tanggal lahir');
    expect(nipMessage('1985031220100A1001', 'PNS')).toBe('NIP harus 18 angka, tanpa huruf atau tanda baca.');
    expect(nipMessage('', 'PPPK')).toBe('NIP wajib diisi untuk PNS, CPNS dan PPPK.');
  });
});
