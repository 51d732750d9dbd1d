import { pipeline, Readable, Transform } from 'node:stream';
import multipart from '@fastify/multipart';
import { applyDecorators } from '@nestjs/common';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from './errors.js';
import { ApiCsvBody, ApiProblem } from './openapi.js';

/** The largest CSV an import accepts: a province's full roster is a few tens of megabytes. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by @CsvUpload(): the route reads a `text/csv` body as a stream. */
    csvUpload?: boolean;
  }
}

/**
 * Lets the CSV imports read a file as it arrives instead of buffering it: on a route marked
 * @CsvUpload(), a `text/csv` body reaches the handler as the raw request stream (Fastify's body
 * limit does not apply to it; `csvUpload` caps it instead); `multipart/form-data` is parsed by
 * @fastify/multipart. Elsewhere a `text/csv` body is refused before it reaches the validation
 * pipe, which would otherwise try to read the stream object as a JSON body.
 */
export async function registerUploads(app: NestFastifyApplication): Promise<void> {
  app.getHttpAdapter().getInstance().addContentTypeParser('text/csv', (request, payload, done) => {
    if (request.routeOptions.config.csvUpload) done(null, payload);
    else done(new UnsupportedMediaTypeError('This endpoint takes a JSON body (application/json)'), undefined);
  });
  await app.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
}

/** Marks an import route: it takes the CSV as a `text/csv` body or the multipart field `file`. */
export const CsvUpload = (columns: string) =>
  applyDecorators(
    RouteConfig({ csvUpload: true }),
    ApiCsvBody(`${columns}. Comma or semicolon separated, UTF-8 with or without a BOM; at most ${MAX_CSV_BYTES / 1024 / 1024} MB.`),
    ApiProblem(413, `The CSV file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`),
    ApiProblem(415, 'Neither a text/csv body nor multipart/form-data'),
  );

/** The uploaded CSV as a stream: a `text/csv` body, or the multipart field `file`. */
export async function csvUpload(request: FastifyRequest): Promise<Readable> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw ValidationError.field('file', 'the CSV must be sent in the multipart field "file"');
    // Past the limit busboy silently truncates the stream; turn that into an error instead.
    part.file.once('limit', () => part.file.destroy(tooLarge()));
    return part.file;
  }
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'text/csv') {
    throw new UnsupportedMediaTypeError('Send the CSV file as a text/csv body or as the multipart/form-data field "file"');
  }
  // Fastify skips the parser for an empty body; the CSV reader then reports the empty file.
  const body = (request.body as Readable | undefined) ?? Readable.from([]);
  return capped(body, MAX_CSV_BYTES);
}

function capped(input: Readable, maxBytes: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > maxBytes ? tooLarge() : null, chunk);
    },
  });
  // Errors of either stream (a client that disconnects, the cap) reach the reader of `counter`.
  return pipeline(input, counter, () => undefined);
}

function tooLarge(): PayloadTooLargeError {
  return new PayloadTooLargeError(`The CSV file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB; split it into several imports`);
}
