import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest, RawServerDefault } from 'fastify';
import { UnsupportedMediaTypeError, ValidationError } from './errors.js';
import { exceedsDepth, MAX_JSON_DEPTH } from './validation.js';

/**
 * How request bodies are read. A body is parsed by its real content type or refused with 415:
 * - `application/json` everywhere, refused past MAX_JSON_DEPTH levels of nesting (400) before
 *   anything walks it, so no hostile document can exhaust the stack of the code that does;
 * - `text/csv` and `multipart/form-data` on the CSV import routes only (see uploads.ts);
 * - `application/x-www-form-urlencoded` (Nest's parser: flat fields, checked like JSON);
 * - nothing else: Fastify's default `text/plain` parser is removed, and a multipart body sent to
 *   a JSON route (which @fastify/multipart would otherwise let through as an empty body, turning
 *   a PATCH into a silent no-op) is refused.
 * Register after registerUploads(), whose multipart parser this checks.
 */
export function registerBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
    parseJson(request, body.toString('utf8'), (error: Error | null, value?: unknown) => {
      if (error) done(error, undefined);
      else if (exceedsDepth(value)) done(ValidationError.field('body', `body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`), undefined);
      else done(null, value);
    });
  });
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.isMultipart?.() && !request.routeOptions.config.csvUpload) {
      throw new UnsupportedMediaTypeError('This endpoint takes a JSON body (application/json), not multipart/form-data');
    }
  });
}
