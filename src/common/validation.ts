import { Param, ParseUUIDPipe, ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError, type FieldError } from './errors.js';

/** Flattens nested class-validator errors into `{ field: 'attendees.0.personId', message }`. */
export function fieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: rename(message, error.property, field) }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** class-validator says "property foo should not exist"; name the full path instead. */
function rename(message: string, property: string, field: string): string {
  if (message === `property ${property} should not exist`) return `${field} is not an accepted field`;
  return property === field ? message : message.replace(new RegExp(`^${property}\\b`), field);
}

/** Validation at the edge: unknown fields are refused, payloads become typed DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(fieldErrors(errors)),
  });
}

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field(name, `${name} must be a UUID`) }));
