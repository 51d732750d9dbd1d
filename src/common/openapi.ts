import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, DECORATORS, getSchemaPath } from '@nestjs/swagger';

/**
 * What the OpenAPI document says comes back: `@ApiPage(Item)` for a list, `@ApiProblems(...)`
 * for the problem+json errors a route may answer. Documentation only: no runtime effect.
 */

export class FieldErrorResponse {
  @ApiProperty({ example: 'name' }) field: string;
  @ApiProperty({ example: 'name must be longer than or equal to 2 characters' }) message: string;
}

/** The body of every error, as written by ProblemDetailsFilter (RFC 9457). */
@ApiSchema({ description: 'application/problem+json. Some problems add members of their own (e.g. `status` of an event, `line` of a CSV file).' })
export class ProblemResponse {
  @ApiProperty({ example: 'https://netralitas.id/problems/not-found', description: 'Stable per rule: validation, not-found, duplicate-name, invalid-transition…' })
  type: string;

  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ type: 'integer', example: 404 }) status: number;
  @ApiProperty({ example: 'Event 5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c was not found' }) detail: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'The fields at fault, when the problem names them' })
  errors?: FieldErrorResponse[];

  @ApiProperty({ example: '/api/v1/events/5d3e6f1c-2b7a-4c1e-9f0a-8b2d4e6f8a1c', description: 'The request path' }) instance: string;
  @ApiProperty({ description: 'Also the x-request-id header; quote it when reporting a problem' }) requestId: string;
}

const PROBLEMS: Record<number, string> = {
  400: 'Invalid input: `errors` lists the fields at fault',
  401: 'No Bearer token, or an invalid or expired one, or a deactivated account',
  403: 'The caller’s role may not do this',
  404: 'Not found, or outside the caller’s regions (the same answer)',
  409: 'Conflicts with the stored data or the record’s state',
  413: 'The upload is too large',
  415: 'The body is not of an accepted content type',
  429: 'Too many attempts; retry after the `retry-after` header',
  503: 'A dependency (the database) is not reachable',
};

/** One problem+json response; `description` says when this route answers it. */
export const ApiProblem = (status: number, description = PROBLEMS[status] ?? '') =>
  applyDecorators(
    ApiExtraModels(ProblemResponse),
    ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemResponse) } } } }),
  );

/** The problem+json responses of a route, with their usual descriptions. */
export const ApiProblems = (...statuses: number[]) => applyDecorators(...statuses.map((status) => ApiProblem(status)));

/** A 200 list answer: `{ items: Item[], total, limit, offset }` (see Page in pagination.ts). */
export const ApiPage = (item: Type<unknown>) =>
  applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description: `A page of ${item.name.replace(/Response$/, '')} items`,
      schema: {
        type: 'object',
        required: ['items', 'total', 'limit', 'offset'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', description: 'Items matching the query, over all pages' },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
        },
      },
    }),
  );

/**
 * The body of a CSV import: the file as a `text/csv` body, or as the field `file` of a
 * multipart/form-data form (a browser form, `curl -F file=@people.csv`). Each media type needs
 * its own schema, which @ApiBody cannot give, so the request body is merged into the
 * operation's metadata next to the route's own @ApiOperation (operationId, summary).
 */
export const ApiCsvBody =
  (description: string): MethodDecorator =>
  (_target, _key, descriptor) => {
    const file = { type: 'string', format: 'binary' };
    const requestBody = {
      required: true,
      description,
      content: {
        'text/csv': { schema: file },
        'multipart/form-data': {
          schema: { type: 'object', required: ['file'], properties: { file: { ...file, description: 'The CSV file' } } },
          encoding: { file: { contentType: 'text/csv' } },
        },
      },
    };
    const handler = descriptor.value as object;
    const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as object | undefined;
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, requestBody }, handler);
    return descriptor;
  };
