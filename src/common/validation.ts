import { type ArgumentMetadata, Param, ParseUUIDPipe, ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { Stream } from 'node:stream';
import { ApiParam } from '@nestjs/swagger';
import { type ClassConstructor, plainToInstance, Transform } from 'class-transformer';
import { isEmail, registerDecorator, ValidateBy, ValidateIf, type ValidationArguments, validateSync, type ValidationOptions } from 'class-validator';
import { ValidationError, type FieldError } from './errors.js';

/**
 * Constraints that say what type a value must have. When one of them fails, the value is of the
 * wrong type and the field's other constraints (lengths, patterns) say nothing more.
 */
const TYPE_CONSTRAINTS = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isDate', 'nestedValidation']);

/**
 * Flattens nested class-validator errors into `{ field: 'attendees.0.personId', message }`, one
 * message per problem: a missing field is "required" (not "too short", "too long" and "not a
 * string" at once), a value of the wrong type gets only its type message.
 */
export function fieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = problemsOf(error).map((message) => ({ field, message: rename(message, error.property, field) }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function problemsOf(error: ClassValidatorError): string[] {
  // Two rules may say the same thing (a nested object's own check and @ValidateNested): once is enough.
  const constraints = [...new Map(Object.entries(error.constraints ?? {}).map(([name, message]) => [message, name])).entries()].map(([message, name]) => [name, message] as const);
  if (constraints.length <= 1) return constraints.map(([, message]) => message);
  if (error.value === undefined) return [`${error.property} is required`];
  const typeMessages = constraints.filter(([name]) => TYPE_CONSTRAINTS.has(name)).map(([, message]) => message);
  return typeMessages.length > 0 ? typeMessages : constraints.map(([, message]) => message);
}

/** class-validator says "property foo should not exist"; name the full path instead. */
function rename(message: string, property: string, field: string): string {
  if (message === `property ${property} should not exist`) return `${field} is not an accepted field`;
  return property === field ? message : message.replace(new RegExp(`^${property}\\b`), field);
}

/**
 * Validation at the edge: unknown fields are refused, payloads become typed DTO instances.
 * Text that PostgreSQL cannot store faithfully is refused here too, with the field that carries
 * it, instead of failing deep in a query or being silently altered: U+0000 (not allowed in text
 * columns) and unpaired UTF-16 surrogates (written to UTF-8 as U+FFFD, and the cause of URIError
 * in validators that decode URIs).
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = findUnstorableText(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (problem) throw ValidationError.field(problem.field, `${problem.field} ${problem.message}`);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      throw error instanceof ValidationError ? nameUnnamed(error, metadata) : error;
    }
  }
}

/**
 * A key with an empty name (`?=1`, `{"": 1}`) has no field to name; the error names where it
 * was instead (`query` or `body`), so that every field error has a field.
 */
function nameUnnamed(error: ValidationError, metadata: ArgumentMetadata): ValidationError {
  if (!error.errors.some((e) => e.field === '')) return error;
  return new ValidationError(namedErrors(error.errors, metadata.type === 'query' ? 'query' : 'body'));
}

function namedErrors(errors: FieldError[], where: 'query' | 'body'): FieldError[] {
  const what = where === 'query' ? 'a parameter' : 'a field';
  return errors.map((e) => (e.field === '' ? { field: where, message: `${where} has ${what} without a name` } : e));
}

export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(fieldErrors(errors)),
  });
}

/** A UUID path parameter; anything else is a 400 naming the parameter. The OpenAPI document says uuid too. */
export const IdParam =
  (name = 'id'): ParameterDecorator =>
  (target, method, index) => {
    Param(name, new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field(name, `${name} must be a UUID`) }))(target, method, index);
    if (method !== undefined) ApiParam({ name, type: String, format: 'uuid' })(target, method, Object.getOwnPropertyDescriptor(target, method)!);
  };

/**
 * For PATCH fields that may be omitted but not cleared: unlike @IsOptional(), which skips
 * null as well, a null is validated (and refused) instead of reaching a NOT NULL column.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * A text of `min` to `max` characters (after @Trim()), with one message whatever is wrong with it
 * (missing, not a string, too short or too long) instead of one per rule broken.
 */
export const IsText = (min: number, max: number) =>
  ValidateBy({
    name: 'isText',
    constraints: [min, max],
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length >= min && value.length <= max,
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must be a text of ${min} to ${max} characters`,
    },
  });

/**
 * The global pipe's checks for input that does not arrive as a request body (a CSV row, a PATCH
 * merged with the stored record): same DTO classes and messages, one message per problem.
 */
export function validateInput<T extends object>(cls: ClassConstructor<T>, plain: object): { value: T; errors: FieldError[] } {
  // class-validator reports a body that is not an object (`1`, `[]`, `null`) without a field.
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { value: plainToInstance(cls, {}), errors: [{ field: 'body', message: 'body must be a JSON object' }] };
  }
  const value = plainToInstance(cls, plain);
  return { value, errors: namedErrors(fieldErrors(validateSync(value, { whitelist: true, forbidNonWhitelisted: true })), 'body') };
}

type TransformInput = { value: unknown };
const textTransform = (change: (text: string) => string | null) => () => Transform(({ value }: TransformInput) => (typeof value === 'string' ? change(value) : value));

/** Surrounding spaces are never meant (copied from letters and spreadsheets). */
export const Trim = textTransform((text) => text.trim());
/** An optional text left blank is no text. */
export const TrimToNull = textTransform((text) => text.trim() || null);
/** Emails compare case-insensitively; they are stored lower-cased. */
export const LowerCase = textTransform((text) => text.trim().toLowerCase());
export const LowerCaseToNull = textTransform((text) => text.trim().toLowerCase() || null);

/**
 * An email address. class-validator's IsEmail throws (URIError) on a string with an unpaired
 * surrogate; this one answers false for any input, so a hostile value is a 400, never a 500.
 */
export function IsEmailAddress(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEmail',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an email address', ...options },
      validator: { validate: isEmailAddress },
    });
}

export function isEmailAddress(value: unknown): boolean {
  if (typeof value !== 'string' || LONE_SURROGATE.test(value)) return false;
  try {
    return isEmail(value);
  } catch {
    return false;
  }
}

/** In a `u` regular expression a surrogate pair is one code point, so this finds only unpaired halves. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Deeper than any request body of this API; deeper JSON is refused before anything walks it. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `value` nests arrays or objects more than `limit` levels deep. Iterative, so a
 * hostile document cannot exhaust the stack, and it stops at the first branch past the limit.
 */
export function exceedsDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: item, depth } = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) {
      if (child !== null && typeof child === 'object') pending.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * The path of the first string holding U+0000 or an unpaired surrogate, with what is wrong.
 * Iterative (no recursion), whatever the depth of the input.
 */
function findUnstorableText(value: unknown, root = ''): { field: string; message: string } | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (pending.length > 0) {
    const { value: item, path } = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return { field: path || 'body', message: 'contains a NUL character' };
      if (LONE_SURROGATE.test(item)) return { field: path || 'body', message: 'contains an invalid character (an unpaired UTF-16 surrogate)' };
    } else if (isPlainData(item)) {
      // Reversed so that fields are reported in the order they were written.
      for (const [key, child] of Object.entries(item).reverse()) pending.push({ value: child, path: path ? `${path}.${key}` : key });
    }
  }
  return undefined;
}

/** Parsed JSON or query data (the query parser gives objects of its own prototype); never a stream or a buffer. */
function isPlainData(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !(value instanceof Stream) && !Buffer.isBuffer(value);
}
