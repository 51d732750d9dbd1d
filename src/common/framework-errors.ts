import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type Problem, sendProblem, titleOf, TYPE_BASE, TYPES } from './problem-details.filter.js';

/**
 * Errors raised before a request reaches Nest, answered in the same problem+json shape as the
 * rest (Fastify's defaults are a JSON body of their own, or a bare status line).
 */

/** Fastify's `frameworkErrors`: a path that is not valid percent-encoding, a path parameter over `maxParamLength`. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const detail: Record<string, string> = {
    FST_ERR_BAD_URL: 'The path is not a valid URL: it holds a malformed percent-encoded sequence',
    FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is longer than any identifier of this API',
  };
  sendProblem(request, reply, Object.assign(new Error(detail[error.code] ?? error.message), { statusCode: error.statusCode ?? 400 }));
}

/**
 * Node's HTTP parser refused the request (headers or URL over the size limit, malformed HTTP):
 * there is no request object yet, so the answer is written to the socket directly.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection is gone: there is nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request was not received in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request line and headers are larger than 16 KB']
        : [400, 'The request is not valid HTTP'];
  const problem: Problem = { type: TYPE_BASE + (TYPES[status] ?? 'bad-request'), title: titleOf(status), status, detail };
  const body = JSON.stringify(problem);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // As Node's own handler does: answer, then close (the parser cannot read this connection further).
  socket.end(`HTTP/1.1 ${status} ${titleOf(status)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
