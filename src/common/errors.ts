/** A field-level problem, as listed in problem+json `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Domain errors carry their HTTP status and a stable `type` slug; the problem+json filter
 * turns them into responses. Services throw these, never framework exceptions.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Not Found';
  constructor(entity: string, id?: string) {
    super(id ? `${entity} ${id} was not found` : `${entity} was not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
  /** `type` names the rule that was hit (e.g. `invalid-transition`, `duplicate-nip`). */
  constructor(
    detail: string,
    readonly type = 'conflict',
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly type = 'validation';
  readonly title = 'Bad Request';
  constructor(
    override readonly errors: FieldError[],
    detail = errors.map((e) => `${e.field}: ${e.message}`).join('; '),
  ) {
    super(detail);
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly type = 'unauthorized';
  readonly title = 'Unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = 'Forbidden';
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly type = 'too-many-requests';
  readonly title = 'Too Many Requests';
  override readonly headers: Record<string, string>;
  constructor(detail: string, retryAfterSeconds: number) {
    super(detail);
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

/** A dependency (the database) cannot serve the request now; `Retry-After` says when to try again. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly type = 'unavailable';
  readonly title = 'Service Unavailable';
  override readonly headers: Record<string, string>;
  constructor(detail: string, retryAfterSeconds = 5) {
    super(detail);
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly type = 'payload-too-large';
  readonly title = 'Payload Too Large';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly type = 'unsupported-media-type';
  readonly title = 'Unsupported Media Type';
}
