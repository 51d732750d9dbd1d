import QRCode from 'qrcode';
import type { Column } from 'pdfmake/interfaces.js';

export interface QrCodeOptions {
  /** Side of the code in points; 90 pt (about 3 cm) scans easily from a printed page. */
  size?: number;
  /** Width of the block, caption included; defaults to the code's size or 170 pt, whichever is wider. */
  width?: number;
  /** Written under the code; the encoded text itself unless given. */
  caption?: string;
}

/**
 * A QR code as an image with the encoded text written under it, so a reader without a scanner
 * can still type the link. Error correction M survives a fold or a stamp across the code.
 * Use it alone or as one of `columns` (its `width` then sizes the column).
 */
export async function qrCode(text: string, options: QrCodeOptions = {}): Promise<Column> {
  const size = options.size ?? 90;
  // Grayscale without alpha: pdfkit embeds such a PNG's compressed data as it is, where an RGBA
  // one (the default) is decoded pixel by pixel and its alpha split out and compressed again —
  // most of the cost of a one-page letter, and of a bundle of 150.
  const image = await QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 0, scale: 8, type: 'image/png', rendererOpts: { colorType: 0 } } as QRCode.QRCodeToDataURLOptions);
  const block: Column = {
    width: options.width ?? Math.max(size, 170),
    stack: [
      { image, width: size, height: size, alignment: 'center' },
      // A link has no spaces to break at: break anywhere rather than run off the page.
      { text: options.caption ?? text, fontSize: 8, alignment: 'center', wordBreak: 'break-all', margin: [0, 3, 0, 0] },
    ],
    unbreakable: true,
  };
  return block;
}
