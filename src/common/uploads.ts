import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy, type BusboyHeaders } from '@fastify/busboy';
import multipart from '@fastify/multipart';
import { applyDecorators } from '@nestjs/common';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { emptyFileError } from './csv.js';
import { type CsvEncoding, decodeCsv, EncodingSniffer } from './csv-encoding.js';
import { MAX_IMPORTS, MAX_IMPORTS_PER_USER } from './csv-import.js';
import { DomainError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from './errors.js';
import { ApiCsvBody, ApiProblem } from './openapi.js';

/**
 * CSV uploads (`POST /agencies/import`, `POST /people/import`) are received in full before they
 * are imported: the body is written to a temporary file, then imported from there. A client,
 * however slow, never holds a database connection: the import takes one only when every byte
 * is on disk (see csv-import.ts, which also bounds how many imports run at once).
 *
 * While the body arrives:
 * - a `Content-Length` above the limit is refused (413) before a byte is read, and a body that
 *   passes the limit (chunked, or lying about its length) is cut off the moment it does;
 * - the client must keep a minimum pace (MIN_UPLOAD_BYTES_PER_SECOND on average after the first
 *   UPLOAD_GRACE_MS, and no pause over UPLOAD_IDLE_MS), or it gets 408;
 * - memory stays flat (streams with backpressure into the file), and the bytes are checked for
 *   their encoding on the way (csv-encoding.ts);
 * - multipart bodies are parsed with busboy: exactly one part, the field `file`; anything else
 *   (no or empty boundary, no closing boundary, garbage, another field, two files) is a 400.
 * An answer given before the whole body was read closes the connection, so that Node does not
 * read and discard the rest of a large body.
 */

/** The largest CSV an import accepts: a province's full roster is a few tens of megabytes. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
/** Room for the multipart framing around the file: boundaries and part headers. */
const MULTIPART_FRAMING_BYTES = 64 * 1024;
/** An upload must average this pace once UPLOAD_GRACE_MS have passed (128 kbit/s: a poor mobile link)… */
export const MIN_UPLOAD_BYTES_PER_SECOND = 16 * 1024;
export const UPLOAD_GRACE_MS = 10_000;
/** …and never go this long without a byte. */
export const UPLOAD_IDLE_MS = 30_000;
const WATCH_EVERY_MS = 1_000;
/** Chunks read back from the temporary file; the CSV reader slices them further. */
const READ_CHUNK_BYTES = 64 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by @CsvUpload(): the route reads a `text/csv` or multipart body itself, as a stream. */
    csvUpload?: boolean;
  }
}

/** The client did not send its body at the minimum pace. */
export class UploadTimeoutError extends DomainError {
  readonly status = 408;
  readonly type = 'upload-timeout';
  readonly title = 'Request Timeout';
}

/** The client went away before the end of its body; nobody reads the answer, but it is not a 500. */
export class UploadInterruptedError extends DomainError {
  readonly status = 400;
  readonly type = 'upload-interrupted';
  readonly title = 'Bad Request';
}

/**
 * On a route marked @CsvUpload(), a `text/csv` body reaches the handler unread (Fastify's body
 * limit does not apply; MAX_CSV_BYTES does), and `multipart/form-data` is left unread by
 * @fastify/multipart's parser. Elsewhere a `text/csv` body is refused before it reaches the
 * validation pipe, which would otherwise try to read the stream as a JSON body.
 */
export async function registerUploads(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addContentTypeParser('text/csv', (request, payload, done) => {
    if (request.routeOptions.config.csvUpload) done(null, payload);
    else done(new UnsupportedMediaTypeError('This endpoint takes a JSON body (application/json)'), undefined);
  });
  await app.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
  fastify.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.csvUpload && !request.raw.complete) reply.header('connection', 'close');
  });
}

/** Marks an import route: it takes the CSV as a `text/csv` body or the multipart field `file`. */
export const CsvUpload = (columns: string) =>
  applyDecorators(
    RouteConfig({ csvUpload: true }),
    ApiCsvBody(
      `${columns}. Comma or semicolon separated; UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1252 (Excel's plain "CSV"); ` +
        `at most ${MAX_CSV_BYTES / 1024 / 1024} MB.`,
    ),
    ApiProblem(408, `The body arrived slower than ${MIN_UPLOAD_BYTES_PER_SECOND / 1024} KiB/s on average, or paused for ${UPLOAD_IDLE_MS / 1000} s`),
    ApiProblem(413, `The CSV file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`),
    ApiProblem(415, 'Neither a text/csv body nor multipart/form-data'),
    ApiProblem(429, `The caller already has ${MAX_IMPORTS_PER_USER} imports running (Retry-After)`),
    ApiProblem(503, `${MAX_IMPORTS} imports are running in this process (Retry-After)`),
  );

/**
 * The CSV upload of a request, checked from its headers only (415, 413, a multipart boundary);
 * nothing is read until `receive()`.
 */
export function csvUpload(request: FastifyRequest): CsvUploadBody {
  const contentType = request.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'text/csv' && mediaType !== 'multipart/form-data') {
    throw new UnsupportedMediaTypeError('Send the CSV file as a text/csv body or as the multipart/form-data field "file"');
  }
  const multipartBody = mediaType === 'multipart/form-data';
  if (multipartBody) assertBoundary(contentType);
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_CSV_BYTES + (multipartBody ? MULTIPART_FRAMING_BYTES : 0)) throw tooLarge();
  return new CsvUploadBody(request.raw, multipartBody);
}

export class CsvUploadBody {
  constructor(
    private readonly raw: IncomingMessage,
    private readonly multipart: boolean,
  ) {}

  /**
   * Reads the whole body into a temporary file (under the size limit and the pace watchdog) and
   * decides its encoding. The caller disposes of the result.
   */
  async receive(): Promise<ReceivedCsv> {
    const folder = await mkdtemp(join(tmpdir(), 'netralitas-import-'));
    const path = join(folder, 'upload.csv');
    try {
      const sniffer = new EncodingSniffer();
      const reception = new Reception(this.raw);
      if (this.multipart) {
        await reception.run(new CappedBytes(MAX_CSV_BYTES + MULTIPART_FRAMING_BYTES), (body) => receiveMultipart(body, this.raw.headers, path, sniffer, reception.signal));
      } else {
        await reception.run(new CappedBytes(MAX_CSV_BYTES, sniffer), (body) => pipeline(body, createWriteStream(path), { signal: reception.signal }));
      }
      if (sniffer.bytes === 0) throw emptyFileError();
      return new ReceivedCsv(folder, path, sniffer.bytes, sniffer.encoding());
    } catch (error) {
      await removeFolder(folder);
      throw error;
    }
  }
}

/** Removes an upload's temporary folder, retrying while a stream of the import still closes a file in it. */
function removeFolder(folder: string): Promise<void> {
  return rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
}

/** A CSV upload received in full, waiting in a temporary file. */
export class ReceivedCsv {
  constructor(
    private readonly folder: string,
    private readonly path: string,
    readonly bytes: number,
    readonly encoding: CsvEncoding,
  ) {}

  /** A path for another temporary file of this import, removed with the upload. */
  scratchPath(name: string): string {
    return join(this.folder, name);
  }

  /** The file's text as UTF-8, for the CSV reader. */
  text(): Readable {
    return decodeCsv(createReadStream(this.path, { highWaterMark: READ_CHUNK_BYTES }), this.encoding);
  }

  async dispose(): Promise<void> {
    await removeFolder(this.folder);
  }
}

/**
 * One body being read: its size cap, the pace watchdog and the client's disconnection all end
 * it through one AbortSignal, which tears down every stream the reading set up; the first
 * reason is the answer.
 */
class Reception {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private readonly startedAt = Date.now();
  private readonly bytesAtStart: number;
  private lastBytes = 0;
  private lastProgressAt = Date.now();

  constructor(private readonly raw: IncomingMessage) {
    this.bytesAtStart = raw.socket?.bytesRead ?? 0;
  }

  /** Pipes the request into `body` (the first check of its bytes), and has `consume` take it from there. */
  async run(body: CappedBytes, consume: (body: Readable) => Promise<void>): Promise<void> {
    const onClose = () => {
      if (!this.raw.complete) this.fail(new UploadInterruptedError('The client closed the connection before the end of the file'));
    };
    this.raw.on('close', onClose);
    const watchdog = setInterval(() => this.watch(), WATCH_EVERY_MS);
    this.raw.pipe(body);
    try {
      await consume(body);
      if (this.signal.aborted) throw this.signal.reason;
    } catch (error) {
      this.fail(error as Error);
      // Stop reading; the answer closes the connection (see registerUploads).
      this.raw.unpipe(body);
      this.raw.pause();
      throw this.signal.reason;
    } finally {
      clearInterval(watchdog);
      this.raw.off('close', onClose);
    }
  }

  private fail(reason: Error): void {
    if (!this.signal.aborted) this.controller.abort(reason);
  }

  /** Bytes off the socket (headers and framing included), so a client that trickles part headers is caught too. */
  private watch(): void {
    const now = Date.now();
    const received = (this.raw.socket?.bytesRead ?? 0) - this.bytesAtStart;
    if (received > this.lastBytes) {
      this.lastBytes = received;
      this.lastProgressAt = now;
    }
    const elapsed = now - this.startedAt;
    if (now - this.lastProgressAt > UPLOAD_IDLE_MS) {
      this.fail(new UploadTimeoutError(`No data arrived for ${UPLOAD_IDLE_MS / 1000} s; send the file again`));
    } else if (elapsed > UPLOAD_GRACE_MS && received < (MIN_UPLOAD_BYTES_PER_SECOND * elapsed) / 1000) {
      this.fail(
        new UploadTimeoutError(
          `The file arrived slower than ${MIN_UPLOAD_BYTES_PER_SECOND / 1024} KiB/s (${received} bytes in ${Math.round(elapsed / 1000)} s); send it again over a better connection`,
        ),
      );
    }
  }
}

/** Counts bytes, cuts the stream with a 413 the moment it passes `maxBytes`, and shows the bytes to a sniffer. */
class CappedBytes extends Transform {
  private seen = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sniffer?: EncodingSniffer,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) return callback(tooLarge());
    this.sniffer?.update(chunk);
    callback(null, chunk);
  }
}

/**
 * The multipart body must hold exactly one part, the field `file` (with or without a filename:
 * `curl -F file=@roster.csv` and `-F 'file=<roster.csv'` both work). Busboy's own errors
 * become 400s that say what is wrong with the body.
 */
async function receiveMultipart(body: Readable, headers: IncomingMessage['headers'], target: string, sniffer: EncodingSniffer, signal: AbortSignal): Promise<void> {
  // Ends the reading of this body at the first problem found in it; `signal` ends it from outside.
  const refusal = new AbortController();
  const refuse = (problem: DomainError) => {
    if (!refusal.signal.aborted) refusal.abort(problem);
  };
  const both = AbortSignal.any([signal, refusal.signal]);
  const parser = new Busboy({ headers: headers as BusboyHeaders, isPartAFile: () => true, limits: { files: 1, headerPairs: 20, headerSize: 16 * 1024 } });
  // Busboy can still report an error after the pipeline has settled; it must not reach the process.
  parser.on('error', () => undefined);
  let filePart: Promise<void> | undefined;
  parser.on('file', (field, stream) => {
    stream.on('error', () => undefined);
    if (field !== 'file') {
      stream.resume();
      refuse(ValidationError.field('file', `the CSV must be sent in the multipart field "file", not "${field.slice(0, 100)}"`));
      return;
    }
    filePart = pipeline(stream, new CappedBytes(MAX_CSV_BYTES, sniffer), createWriteStream(target), { signal: both }).catch((error: unknown) =>
      // Busboy ends the part with "Part terminated early" when the closing boundary is missing.
      refuse(error instanceof DomainError ? error : malformedMultipart(true)),
    );
  });
  parser.on('filesLimit', () => refuse(ValidationError.field('file', 'send one part only: the CSV file in the field "file"')));
  try {
    await pipeline(body, parser, { signal: both });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    // Busboy: "Unexpected end of multipart data", malformed part headers; or the cap of the whole body.
    refuse(error instanceof DomainError ? error : malformedMultipart(filePart !== undefined));
  }
  await filePart;
  if (refusal.signal.aborted) throw refusal.signal.reason;
  if (!filePart) throw ValidationError.field('file', 'the multipart body has no part: send the CSV file in the field "file"');
}

/** A multipart body busboy could not read: no part at all, or a part cut off before the closing boundary. */
export function malformedMultipart(partStarted: boolean): ValidationError {
  return ValidationError.field(
    'file',
    partStarted
      ? 'the multipart body ends before its closing boundary: the upload is incomplete, send the file again'
      : 'the body is not valid multipart/form-data: no part delimited by the boundary was found',
  );
}

/** RFC 2046: a boundary of 1 to 70 characters, required by multipart/form-data. */
export function assertBoundary(contentType: string): void {
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? '';
  if (boundary.length < 1 || boundary.length > 70) {
    throw ValidationError.field('content-type', 'multipart/form-data needs a boundary parameter of 1 to 70 characters');
  }
}

function tooLarge(): PayloadTooLargeError {
  return new PayloadTooLargeError(`The CSV file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB; split it into several imports`);
}
