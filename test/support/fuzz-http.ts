import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { Operation } from './fuzz-openapi.js';
import type { FuzzRequest } from './fuzz-requests.js';

/**
 * Sends fuzz requests over plain node:http (so that paths, headers and bodies go out byte for
 * byte as generated), checks every answer against the properties every route must keep, and
 * keeps the tallies for the run's summary.
 */

export interface FuzzAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export class FuzzClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 8 });
  private sequence = 0;

  constructor(private readonly port: number) {}

  /** Sends `request` with its own `x-request-id` (`fuzz-<n>`), which the app writes into any audit entry. */
  send(request: FuzzRequest): Promise<FuzzAnswer & { requestId: string }> {
    const requestId = `fuzz-${++this.sequence}`;
    const headers: Record<string, string> = { ...request.headers, 'x-request-id': requestId };
    if (request.body !== undefined) headers['content-length'] = String(request.body.length);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port: this.port, method: request.method, path: request.url, headers, agent: this.agent, timeout: 30_000 }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks), requestId }));
        incoming.on('error', reject);
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * What is wrong with an answer (empty: nothing). Every answer is below 500 (503 only where the
 * operation documents it); every 4xx is problem+json with `type`, `title` and its own `status`
 * (or, to a client that asks for HTML, the page a person sees), and a validation problem names
 * each field it refuses.
 */
export function violations(operation: Operation, answer: FuzzAnswer, request: FuzzRequest): string[] {
  const found: string[] = [];
  const { status } = answer;
  const allowed503 = status === 503 && operation.statuses.includes(503);
  if (status >= 500 && !allowed503) found.push(`answered ${status}`);
  if (status < 100 || status >= 600) found.push(`answered the impossible status ${status}`);
  const contentType = String(answer.headers['content-type'] ?? '');
  // Routes that are also pages for people (src/pages: pageOrJson) show the problem as a page to a browser.
  // A form route (one that takes application/x-www-form-urlencoded) shows the form again with its errors.
  const formRoute = 'application/x-www-form-urlencoded' in operation.bodies;
  const pageForBrowser = (formRoute || /text\/html/.test(request.headers.accept ?? '')) && /^text\/html/.test(contentType);
  if (status >= 400 && !pageForBrowser) {
    if (!/^application\/problem\+json/.test(contentType)) {
      found.push(`${status} answered as ${contentType || 'no content type'}, not application/problem+json`);
      return found;
    }
    let problem: { type?: unknown; title?: unknown; status?: unknown; errors?: unknown } | null;
    try {
      problem = JSON.parse(answer.body.toString('utf8')) as { type?: unknown; title?: unknown; status?: unknown; errors?: unknown } | null;
    } catch {
      found.push(`${status} problem+json body is not JSON`);
      return found;
    }
    if (typeof problem?.type !== 'string' || problem.type.length === 0) found.push('problem without a type');
    if (typeof problem?.title !== 'string' || problem.title.length === 0) found.push('problem without a title');
    if (problem?.status !== status) found.push(`problem status ${String(problem?.status)} differs from the HTTP status ${status}`);
    if (status === 400 && typeof problem?.type === 'string' && problem.type.endsWith('/validation')) {
      const errors = problem.errors;
      if (!Array.isArray(errors) || errors.length === 0 || errors.some((e: { field?: unknown }) => typeof e?.field !== 'string' || e.field.length === 0)) {
        found.push(`validation problem without errors[].field: ${JSON.stringify(errors)}`);
      }
    }
  }
  return found;
}

/** Tallies of a run, for the summary printed at its end. */
export class FuzzTally {
  readonly byStatus = new Map<number, number>();
  readonly byOperation = new Map<string, Map<number, number>>();
  readonly byCaller = new Map<string, number>();
  /** Statuses an operation answered that its OpenAPI entry does not list (a hint for the document, not a failure). */
  readonly undocumented = new Map<string, Set<number>>();
  /** Request ids of every 4xx answer: none of them may have left an audit entry. */
  readonly refusedRequestIds = new Map<string, string>();
  total = 0;

  record(operation: Operation, request: FuzzRequest, answer: FuzzAnswer & { requestId: string }): void {
    this.total += 1;
    const key = `${operation.method} ${operation.path}`;
    this.byStatus.set(answer.status, (this.byStatus.get(answer.status) ?? 0) + 1);
    const statuses = this.byOperation.get(key) ?? new Map<number, number>();
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    this.byOperation.set(key, statuses);
    this.byCaller.set(request.caller, (this.byCaller.get(request.caller) ?? 0) + 1);
    if (!operation.statuses.includes(answer.status)) {
      const set = this.undocumented.get(key) ?? new Set<number>();
      set.add(answer.status);
      this.undocumented.set(key, set);
    }
    if (answer.status >= 400 && answer.status < 500) this.refusedRequestIds.set(answer.requestId, `${answer.status} ${key}: ${describe(request)}`);
  }

  summary(seed: number, runs: number, seconds: number): string {
    const histogram = (map: Map<number, number>) => [...map].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
    const lines = [
      `Fuzz: ${this.total} requests over ${this.byOperation.size} operations in ${seconds.toFixed(1)} s (FUZZ_SEED=${seed} FUZZ_RUNS=${runs})`,
      `Statuses: ${histogram(this.byStatus)}`,
      `Callers: ${[...this.byCaller].map(([caller, count]) => `${caller} ${count}`).join(', ')}`,
      '',
      ...[...this.byOperation].sort(([a], [b]) => a.localeCompare(b)).map(([key, statuses]) => `  ${key.padEnd(48)} ${histogram(statuses)}`),
    ];
    if (this.undocumented.size > 0) {
      lines.push('', 'Statuses not listed in openapi.json for the operation (framework refusals before the route, mostly):');
      for (const [key, set] of [...this.undocumented].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${key.padEnd(48)} ${[...set].sort().join(' ')}`);
    }
    return lines.join('\n');
  }

  toJSON(): unknown {
    const object = (map: Map<number, number>) => Object.fromEntries([...map].sort(([a], [b]) => a - b));
    return {
      total: this.total,
      byStatus: object(this.byStatus),
      byCaller: Object.fromEntries(this.byCaller),
      byOperation: Object.fromEntries([...this.byOperation].map(([key, statuses]) => [key, object(statuses)])),
      undocumented: Object.fromEntries([...this.undocumented].map(([key, set]) => [key, [...set].sort()])),
    };
  }
}

/** One line for a request: who, what, and what was done to it (the body's first bytes, not all of them). */
export function describe(request: FuzzRequest): string {
  const url = request.url.length > 200 ? `${request.url.slice(0, 200)}… (${request.url.length} chars)` : request.url;
  const type = request.headers['content-type'];
  const body = request.body ? ` body ${request.body.length} bytes ${JSON.stringify(request.body.subarray(0, 120).toString('latin1'))}` : '';
  return `${request.caller}: ${request.method} ${url}${type !== undefined ? ` [content-type: ${type}]` : ''}${body} — ${request.notes.join('; ')}`;
}

/** Makes fast-check print a request as `describe` does (not as a dump of its buffers). */
export function printable(request: FuzzRequest): FuzzRequest {
  return Object.assign(request, { [fc.toStringMethod]: () => describe(request) });
}
