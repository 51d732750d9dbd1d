import { governmentOf, type Issuer } from '../documents/letterhead.js';
import { assetUrl } from './assets.js';
import { html, type SafeHtml } from './html.js';

export interface PageOptions {
  /** The tab's title and, unless `heading` says otherwise, the page's h1. */
  title: string;
  heading?: string;
  /** The region's office, shown in the top bar as its letterhead names it (OfficeService.issuer). */
  issuer?: Issuer;
  /** What goes inside <main>, after the h1. */
  body: SafeHtml;
  /** Scripts of src/pages/assets/ beyond pages.js, by file name: ['door.js']. */
  scripts?: string[];
  /** Stylesheets of src/pages/assets/ beyond pages.css, by file name: ['door.css']. */
  styles?: string[];
}

/**
 * The whole HTML document of a page for people: Bahasa Indonesia, laid out for a phone first,
 * with the stylesheet and scripts served by the app (nothing inline, nothing from another site,
 * as the pages' Content-Security-Policy demands; see page-response.ts).
 */
export function renderPage(options: PageOptions): SafeHtml {
  const scripts = ['pages.js', ...(options.scripts ?? [])];
  return html`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="theme-color" content="#8c1d18">
<title>${options.title} · Netralitas</title>
<link rel="icon" href="${assetUrl('icon.svg')}" type="image/svg+xml">
${['pages.css', ...(options.styles ?? [])].map((name) => html`<link rel="stylesheet" href="${assetUrl(name)}">\n`)}${scripts.map((name) => html`<script src="${assetUrl(name)}" defer></script>\n`)}</head>
<body>
${siteHeader(options.issuer)}<main id="isi">
<h1>${options.heading ?? options.title}</h1>
${options.body}
</main>
<footer class="site-footer">Netralitas · sosialisasi netralitas ASN</footer>
</body>
</html>
`;
}

/** The region's letterhead in two lines; just the app's name on pages of no region (errors). */
function siteHeader(issuer: Issuer | undefined): SafeHtml {
  if (!issuer) return html`<header class="site-header"><p class="site-header__name">Netralitas</p></header>\n`;
  const office = issuer.office;
  return html`<header class="site-header">
<p class="site-header__issuer">${office ? office.government : governmentOf(issuer)}</p>
${office && html`<p class="site-header__name">${office.name}</p>`}
</header>
`;
}
