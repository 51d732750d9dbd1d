import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorOf } from './database-errors.js';
import { DomainError, type FieldError } from './errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

const TYPE_BASE = 'https://netralitas.id/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const logger = new Logger('Errors');
/** A hostile URL is not echoed back in full. */
const MAX_INSTANCE_LENGTH = 1024;

/** The one place that turns any thrown error into `application/problem+json` (DESIGN §4). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    this.send(request, reply, describeProblem(request, reply, error));
  }

  /** Writes the problem; PageErrorFilter (src/pages) shows it as a page to people instead. */
  protected send(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
    writeProblem(request, reply, problem);
  }
}

/**
 * Answers `error` as problem+json. Also used for the errors Fastify raises before a request
 * reaches Nest (see framework-errors.ts), so every error has the same shape.
 */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  writeProblem(request, reply, describeProblem(request, reply, error));
}

/** The problem `error` makes of `request`, logged when it is the server's fault; its headers (Retry-After) go on `reply`. */
function describeProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): Problem {
  const mapped = error instanceof DomainError ? error : (domainErrorOf(error) ?? error);
  const problem = toProblem(mapped);
  problem.instance = request.url.length > MAX_INSTANCE_LENGTH ? `${request.url.slice(0, MAX_INSTANCE_LENGTH)}…` : request.url;
  problem.requestId = String(request.id);
  if (problem.status >= 500) {
    logger.error({ err: error, requestId: request.id }, problem.status === 500 ? 'Unhandled error' : problem.detail);
  }
  if (mapped instanceof DomainError && mapped.headers) void reply.headers(mapped.headers);
  return problem;
}

function writeProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).header('x-request-id', String(request.id)).send(problem);
}

export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) {
    const extra = 'extra' in error && typeof error.extra === 'object' ? (error.extra as Record<string, unknown>) : {};
    const problem: Problem = { ...extra, type: TYPE_BASE + error.type, title: error.title, status: error.status, detail: error.message };
    if (error.errors?.length) problem.errors = error.errors;
    return problem;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail = typeof body === 'string' ? body : messageOf(body) ?? error.message;
    return { type: TYPE_BASE + (TYPES[status] ?? slug(error.name)), title: titleOf(status), status, detail };
  }
  // Fastify's own errors (bad JSON, wrong content type, body too large, bad URL) carry a 4xx statusCode.
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { type: TYPE_BASE + (TYPES[status] ?? 'bad-request'), title: titleOf(status), status, detail: (error as Error).message };
  }
  return { type: TYPE_BASE + 'internal', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred. Quote the request id when reporting it.' };
}

function messageOf(body: object): string | undefined {
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
}

function slug(name: string): string {
  return name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() || 'error';
}

/** The `type` of a framework error, by status. */
const TYPES: Record<number, string> = {
  400: 'bad-request', 404: 'not-found', 405: 'method-not-allowed', 406: 'not-acceptable', 408: 'request-timeout',
  411: 'length-required', 413: 'payload-too-large', 414: 'uri-too-long', 415: 'unsupported-media-type', 431: 'headers-too-large',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 411: 'Length Required', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  503: 'Service Unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

export { TYPE_BASE, TYPES };
