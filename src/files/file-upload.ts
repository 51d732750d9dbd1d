import { PassThrough, type Readable } from 'node:stream';
import { applyDecorators } from '@nestjs/common';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DomainError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../common/errors.js';
import { ApiFileBody, ApiProblem } from '../common/openapi.js';
import { assertBoundary, malformedMultipart } from '../common/uploads.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by @FileUpload(): the route reads a binary body (a document or a photo) as a stream. */
    fileUpload?: boolean;
  }
}

/** Body types a document upload may declare; what the file really is gets checked from its bytes. */
const BINARY_BODY_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'];
/** Room for the multipart boundary and part headers around the file itself. */
const MULTIPART_ENVELOPE_BYTES = 16 * 1024;

/** An upload as it arrives: the bytes, not yet read, and the name the uploader's device gave it. */
export interface Upload {
  stream: Readable;
  originalName: string | null;
  maxBytes: number;
}

/**
 * 413 that also closes the connection once the answer is sent: the rest of an oversized body is
 * not read (nor kept waiting for) just to let the client reuse the connection.
 */
export class UploadTooLargeError extends PayloadTooLargeError {
  override readonly headers = { connection: 'close' };
  constructor(maxBytes: number) {
    super(`The file is larger than ${formatBytes(maxBytes)}`);
  }
}

/**
 * Lets routes marked @FileUpload() read a PDF or image body as a stream: the body is handed to
 * the handler unread (Fastify's JSON body limit does not apply; the route's own limit does).
 * Elsewhere such a body is refused with 415 before anything reads it.
 */
export function registerFileUploads(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addContentTypeParser(BINARY_BODY_TYPES, (request, payload, done) => {
    if (request.routeOptions.config.fileUpload) done(null, payload);
    else done(new UnsupportedMediaTypeError('This endpoint takes a JSON body (application/json)'), undefined);
  });
}

/** Marks a document upload route: the file as the body (PDF, PNG or JPEG) or as the multipart field `file`. */
export const FileUpload = (what: string, maxBytes: number) =>
  applyDecorators(
    RouteConfig({ fileUpload: true }),
    ApiFileBody(`${what}: a PDF, PNG or JPEG file of at most ${formatBytes(maxBytes)}, as the body or as the multipart field "file"`, BINARY_BODY_TYPES),
    ApiProblem(400, 'Not a PDF, PNG or JPEG file (checked from its content, not its name), or empty'),
    ApiProblem(413, `The file is larger than ${formatBytes(maxBytes)}`),
    ApiProblem(415, 'Neither a PDF/image body nor multipart/form-data'),
  );

/**
 * The uploaded file of a @FileUpload() route, unread. A declared Content-Length above the limit
 * is refused here, before a byte of the body is read; an undeclared one (chunked) is counted
 * as it streams, by the file store.
 */
export async function fileUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const declared = Number(request.headers['content-length']);
  const multipart = request.isMultipart();
  if (declared > maxBytes + (multipart ? MULTIPART_ENVELOPE_BYTES : 0)) throw new UploadTooLargeError(maxBytes);
  if (multipart) {
    assertBoundary(request.headers['content-type'] ?? '');
    let part: Awaited<ReturnType<FastifyRequest['file']>>;
    try {
      part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    } catch (error) {
      // Busboy's own errors ("Unexpected end of form", malformed part headers) are the client's.
      throw multipartProblem(error, false);
    }
    if (!part || part.fieldname !== 'file') throw ValidationError.field('file', 'the file must be sent in the multipart field "file"');
    // Past the limit busboy silently truncates the stream; turn that into an error instead.
    part.file.once('limit', () => part.file.destroy(new UploadTooLargeError(maxBytes)));
    // Busboy may have failed the part already (a body without its closing boundary ends within
    // the same tick as the part begins): piping a destroyed stream would never end.
    if (part.file.destroyed && !part.file.readableEnded) throw multipartProblem(part.file.errored, true);
    // The store reads through this pass-through, which carries the part's errors as problems:
    // a part cut off before the closing boundary is a 400, not a failure of the server.
    const stream = quietPassThrough();
    part.file.on('error', (error) => stream.destroy(multipartProblem(error, true)));
    part.file.pipe(stream);
    return { stream, originalName: part.filename || null, maxBytes };
  }
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (!contentType || !BINARY_BODY_TYPES.includes(contentType)) {
    throw new UnsupportedMediaTypeError('Send the file as a PDF, PNG or JPEG body, or as the multipart/form-data field "file"');
  }
  // Fastify skips the parser for an empty body; the store then reports the empty file.
  const body = request.body as Readable | undefined;
  // The store reads through this pass-through, so a refusal part-way ends its reading without
  // destroying the request itself: the problem answer still reaches the client.
  const stream = quietPassThrough();
  if (body) {
    body.once('error', (error) => stream.destroy(error));
    body.pipe(stream);
  } else {
    stream.end();
  }
  return { stream, originalName: null, maxBytes };
}

/**
 * The stream the store reads the upload from. The route may look its row up before the store
 * starts reading: an error in between (a broken part, a client gone) must not be an unhandled
 * 'error' event, which would end the process. The store's pipeline still sees it (the stream
 * stays errored) and answers with it.
 */
function quietPassThrough(): PassThrough {
  const stream = new PassThrough();
  stream.on('error', () => undefined);
  return stream;
}

/** An error raised while reading a multipart body, as the problem it is for the client. */
function multipartProblem(error: unknown, partStarted: boolean): Error {
  if (error instanceof DomainError) return error;
  // @fastify/multipart's own errors (limits, a prototype field name) carry their 4xx status.
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error as Error;
  return malformedMultipart(partStarted);
}

export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`;
}
