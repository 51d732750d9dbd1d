import { closePdfRenderers, renderPdf } from './pdf.js';
import { qrCode } from './qr.js';
import { table } from './table.js';

describe('renderPdf', () => {
  // Rendered without an app, whose shutdown would stop the PDF workers.
  afterAll(() => closePdfRenderers());

  const createdAt = new Date('2024-10-21T02:00:00Z');

  it('leaves the content it is given untouched, so a block built once goes into many documents', async () => {
    const qr = await qrCode('https://netralitas.batukota.go.id/r/Ab3dEf7hJk');
    const rows = table([{ header: 'No.' }, { header: 'Nama' }], [[1, 'Dewi Anggraini, S.Sos.']]);
    const before = JSON.stringify([qr, rows]);
    const first = await renderPdf({ title: 'Satu', author: 'Uji', createdAt, content: [qr, rows] });
    expect(JSON.stringify([qr, rows])).toBe(before);
    const second = await renderPdf({ title: 'Satu', author: 'Uji', createdAt, content: [qr, rows] });
    expect(second.equals(first)).toBe(true);
  });
});
