/**
 * A video file for chromium's fake camera (`--use-file-for-fake-video-capture`): a still image
 * (a ticket's QR code) on a white 640×480 frame, as Y4M (YUV 4:2:0), which chromium loops.
 *
 *   writeY4m(await QRCode.toBuffer(ticketCode, { type: 'png', scale: 8 }), path);
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const WIDTH = 640;
const HEIGHT = 480;

export function writeY4m(png: Buffer, path: string, frames = 10): void {
  const image = PNG.sync.read(png);
  const y = Buffer.alloc(WIDTH * HEIGHT, 235);
  const u = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const v = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const left = Math.floor((WIDTH - image.width) / 2);
  const top = Math.floor((HEIGHT - image.height) / 2);
  if (left < 0 || top < 0) throw new Error(`The image (${image.width}×${image.height}) does not fit a ${WIDTH}×${HEIGHT} frame`);
  for (let row = 0; row < image.height; row += 1) {
    for (let column = 0; column < image.width; column += 1) {
      const at = (row * image.width + column) * 4;
      // Grey level (BT.601 luma in video range); the QR is black and white, so chroma stays neutral.
      const luma = 0.299 * image.data[at] + 0.587 * image.data[at + 1] + 0.114 * image.data[at + 2];
      y[(top + row) * WIDTH + left + column] = Math.round(16 + (luma * 219) / 255);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
