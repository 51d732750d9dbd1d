import { applyDecorators, Catch, UseFilters } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { type Problem, ProblemDetailsFilter } from '../common/problem-details.filter.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';

/**
 * The Content-Security-Policy of every page, stricter than the app-wide one (which lets the
 * OpenAPI UI run inline code): scripts, styles and images only from the app itself, forms only
 * to it, no frames. An inline <script> or style="" attribute simply does not run.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Whether the client asked for HTML before JSON: a browser does (`Accept: text/html,…`); curl,
 * fetch() and API clients send `*\/*`, `application/json` or nothing, and get JSON.
 */
export function prefersHtml(request: FastifyRequest): boolean {
  return new Negotiator(request).mediaType(['application/json', 'text/html']) === 'text/html';
}

/** Whether the body is a page's form (`application/x-www-form-urlencoded`) rather than JSON. */
export function isFormPost(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/**
 * Answers with a page. Pages carry personal data and links with secret tokens: no cache keeps
 * them. Return the result from a handler that takes `@Res({ passthrough: true }) reply`.
 */
export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): string {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('cache-control', 'no-store')
    .header('vary', 'Accept');
  return page.toString();
}

/**
 * One path for people and for programs (`GET /verify/:code`): the page for a client that
 * prefers HTML, the JSON body otherwise. `page` is only built when it is sent.
 */
export function pageOrJson<T>(request: FastifyRequest, reply: FastifyReply, json: T, page: () => SafeHtml): T | string {
  if (prefersHtml(request)) return sendPage(reply, page());
  void reply.header('vary', 'Accept');
  return json;
}

/**
 * Errors of page routes: a page in Bahasa Indonesia for a browser, problem+json (as everywhere
 * else) for a program. A form that comes back with errors is the handler's to show, next to
 * its fields (forms.ts); this covers the rest (an unknown token, a server error).
 */
@Catch()
export class PageErrorFilter extends ProblemDetailsFilter {
  protected override send(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
    if (!prefersHtml(request)) return super.send(request, reply, problem);
    void reply.send(sendPage(reply, errorPage(problem), problem.status));
  }
}

/**
 * A route that people open in a browser: its errors are pages too (PageErrorFilter), and the
 * OpenAPI document says it answers HTML as well as JSON.
 */
export const PageRoute = () => applyDecorators(UseFilters(PageErrorFilter), ApiProduces('text/html', 'application/json'));

const ERROR_TEXTS: Record<number, { title: string; message: string }> = {
  400: { title: 'Permintaan tidak dapat dibaca', message: 'Alamat atau isian yang dikirim tidak sesuai. Periksa kembali tautan yang Anda buka.' },
  401: { title: 'Perlu masuk', message: 'Halaman ini hanya untuk petugas yang sudah masuk.' },
  403: { title: 'Tidak diizinkan', message: 'Akun Anda tidak dapat membuka halaman ini.' },
  404: { title: 'Tidak ditemukan', message: 'Tautan ini tidak dikenal atau sudah tidak berlaku. Periksa kembali tautan pada surat atau pesan yang Anda terima.' },
  409: { title: 'Tidak dapat diproses', message: 'Permintaan ini sudah pernah diproses atau tidak sesuai dengan keadaan saat ini.' },
  413: { title: 'Berkas terlalu besar', message: 'Berkas yang dikirim melebihi batas ukuran.' },
  429: { title: 'Terlalu banyak percobaan', message: 'Tunggu sebentar, lalu coba lagi.' },
};

const SERVER_ERROR = { title: 'Terjadi gangguan', message: 'Maaf, permintaan Anda belum dapat diproses. Coba lagi beberapa saat lagi.' };

function errorPage(problem: Problem): SafeHtml {
  const text = ERROR_TEXTS[problem.status] ?? (problem.status >= 500 ? SERVER_ERROR : ERROR_TEXTS[400]);
  return renderPage({
    title: text.title,
    body: html`<div class="card">
<p>${text.message}</p>
<p class="field__hint">Kode permintaan: ${problem.requestId}</p>
</div>
`,
  });
}
