import { PNG } from 'pngjs';

/** Ink of the sample signature: a dark blue (RGB 20, 30, 120). */
const INK = [20, 30, 120] as const;

/** A drawn signature: a dark blue wave on a transparent 300 × 110 canvas, as a PNG. */
export function sampleSignaturePng(): Buffer {
  const png = new PNG({ width: 300, height: 110 });
  for (let x = 20; x < 280; x += 1) {
    const y = Math.round(20 + (x - 20) * 0.3 + 15 * Math.sin(x / 15));
    for (let dy = -2; dy <= 2; dy += 1) {
      const offset = ((y + dy) * 300 + x) * 4;
      png.data.set([...INK, 255], offset);
    }
  }
  return PNG.sync.write(png);
}

/** Whether a rendered page shows the sample signature's blue ink (more than a few stray pixels of it). */
export function hasSignatureInk(png: Buffer): boolean {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const [red, green, blue] = [image.data[offset], image.data[offset + 1], image.data[offset + 2]];
    if (blue > 90 && red < 80 && green < 80) count += 1;
  }
  return count > 50;
}
