import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { API_PREFIX } from '../config/config.js';

/**
 * The stylesheet and scripts of the pages, served by the app itself under
 * `/api/v1/assets/` (the Content-Security-Policy allows nothing from another site).
 *
 * Files live in src/pages/assets/ (`npm run build` copies them next to the compiled code) and
 * are read once at start. Pages link them by a name carrying a hash of the content
 * (`pages.3f9a1c2b7d.css`), served with a year-long immutable cache: a changed file gets a new
 * name, so browsers never keep a stale copy. The plain name (`pages.css`) is served too, but
 * revalidated on every use, for the rare client that cannot follow the hashed name.
 */
export interface Asset {
  name: string;
  hashedName: string;
  contentType: string;
  body: Buffer;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const ASSETS_FOLDER = new URL('./assets/', import.meta.url);

/**
 * Browser builds of libraries the pages use, served the same way from the installed package
 * (so they follow `npm update`, and nothing is fetched from another site): asset name → file.
 */
const LIBRARIES: Record<string, string> = {
  // QR decoding for cameras whose browser has no BarcodeDetector (the door app).
  'jsqr.js': 'jsqr/dist/jsQR.js',
};

function loadAssets(): Map<string, Asset> {
  const byName = new Map<string, Asset>();
  const add = (name: string, body: Buffer) => {
    const extension = extname(name);
    const contentType = CONTENT_TYPES[extension];
    if (!contentType) return;
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const asset: Asset = { name, hashedName: `${name.slice(0, -extension.length)}.${hash}${extension}`, contentType, body, etag: `"${hash}"` };
    byName.set(asset.name, asset).set(asset.hashedName, asset);
  };
  for (const name of readdirSync(ASSETS_FOLDER)) add(name, readFileSync(new URL(name, ASSETS_FOLDER)));
  const require = createRequire(import.meta.url);
  for (const [name, file] of Object.entries(LIBRARIES)) add(name, readFileSync(require.resolve(file)));
  return byName;
}

const assets = loadAssets();

/** The asset served under `name`, hashed or plain; undefined for anything else. */
export function findAsset(name: string): Asset | undefined {
  return assets.get(name);
}

/** The URL a page links: `/api/v1/assets/pages.3f9a1c2b7d.css`. Throws for a file that does not exist. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset || asset.name !== name) throw new Error(`No asset named ${name} in src/pages/assets`);
  return `/${API_PREFIX}/assets/${asset.hashedName}`;
}
