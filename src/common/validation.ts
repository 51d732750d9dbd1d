import { type ArgumentMetadata, Param, ParseUUIDPipe, ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { Stream } from 'node:stream';
import { ApiParam } from '@nestjs/swagger';
import { type ClassConstructor, plainToInstance, Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, type ValidationArguments, validateSync } from 'class-validator';
import { ValidationError, type FieldError } from './errors.js';

/** Flattens nested class-validator errors into `{ field: 'attendees.0.personId', message }`. */
export function fieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // Two rules may say the same thing (a nested object's own check and @ValidateNested): once is enough.
    const messages = new Set(Object.values(error.constraints ?? {}));
    const own = [...messages].map((message) => ({ field, message: rename(message, error.property, field) }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** class-validator says "property foo should not exist"; name the full path instead. */
function rename(message: string, property: string, field: string): string {
  if (message === `property ${property} should not exist`) return `${field} is not an accepted field`;
  return property === field ? message : message.replace(new RegExp(`^${property}\\b`), field);
}

/**
 * Validation at the edge: unknown fields are refused, payloads become typed DTO instances.
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in the input is refused here too, with
 * the field that carries it, instead of failing deep in a query.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = findNulCharacter(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (field) throw ValidationError.field(field, `${field} contains a NUL character`);
    return super.transform(value, metadata);
  }
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
 * merged with the stored record): same DTO classes and messages, one message per field.
 */
export function validateInput<T extends object>(cls: ClassConstructor<T>, plain: object): { value: T; errors: FieldError[] } {
  const value = plainToInstance(cls, plain);
  return { value, errors: fieldErrors(validateSync(value, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true })) };
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

/** The path of the first string holding U+0000, if any. */
function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (!isPlainData(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNulCharacter(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/** Parsed JSON or query data (the query parser gives objects of its own prototype); never a stream or a buffer. */
function isPlainData(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !(value instanceof Stream) && !Buffer.isBuffer(value);
}
