import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
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

/** The one place that turns any thrown error into `application/problem+json` (DESIGN §4). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(error);
    problem.instance = request.url;
    problem.requestId = String(request.id);
    if (problem.status >= 500) {
      this.logger.error({ err: error, requestId: request.id }, 'Unhandled error');
    }
    if (error instanceof DomainError && error.headers) reply.headers(error.headers);
    this.send(request, reply, problem);
  }

  /** Writes the problem; PageErrorFilter (src/pages) shows it as a page to people instead. */
  protected send(_request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof DomainError) {
      const extra = 'extra' in error && typeof error.extra === 'object' ? (error.extra as Record<string, unknown>) : {};
      const problem: Problem = { ...extra, type: TYPE_BASE + error.type, title: error.title, status: error.status, detail: error.message };
      if (error.errors) problem.errors = error.errors;
      return problem;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const detail = typeof body === 'string' ? body : messageOf(body) ?? error.message;
      return { type: TYPE_BASE + slug(error.name), title: titleOf(status), status, detail };
    }
    if (error instanceof QueryFailedError) {
      return fromDatabaseError(error);
    }
    // Fastify's own errors (bad JSON, wrong content type, body too large) carry a 4xx statusCode.
    const status = (error as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { type: TYPE_BASE + 'bad-request', title: titleOf(status), status, detail: (error as Error).message };
    }
    return { type: TYPE_BASE + 'internal', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred. Quote the request id when reporting it.' };
  }
}

/**
 * Constraint violations that a service did not anticipate still answer as the client's
 * problem, never as a 500 with the SQL in it.
 */
function fromDatabaseError(error: QueryFailedError): Problem {
  const code = (error.driverError as { code?: string })?.code;
  if (code === '23505') return { type: TYPE_BASE + 'conflict', title: 'Conflict', status: 409, detail: 'A record with the same unique value already exists' };
  if (code === '23503') return { type: TYPE_BASE + 'conflict', title: 'Conflict', status: 409, detail: 'The record refers to, or is referred to by, another record' };
  if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22021') {
    return { type: TYPE_BASE + 'validation', title: 'Bad Request', status: 400, detail: 'A value has the wrong format' };
  }
  if (code === 'P0001') return { type: TYPE_BASE + 'append-only', title: 'Conflict', status: 409, detail: 'This record cannot be changed' };
  return { type: TYPE_BASE + 'internal', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred. Quote the request id when reporting it.' };
}

function messageOf(body: object): string | undefined {
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
}

function slug(name: string): string {
  return name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() || 'error';
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
};

function titleOf(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}
