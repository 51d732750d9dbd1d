import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Times in request bodies and filters. An instant must carry its UTC offset: "13:00" alone
 * means a different moment in Batu (WIB), Balikpapan (WITA) and Jayapura (WIT), and guessing
 * the server's zone would silently move an event by hours.
 */
const OFFSET_DATE_TIME = /^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^(19|2\d)\d{2}-\d{2}-\d{2}$/;

export const INSTANT_EXAMPLE = '2024-10-29T13:00:00+07:00';

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && OFFSET_DATE_TIME.test(value) && isISO8601(value, { strict: true }) && !Number.isNaN(Date.parse(value));
}

/** A calendar date, `YYYY-MM-DD`, that exists (no 2024-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true });
}

/** An ISO 8601 date-time with an offset (`Z` or `+07:00`), such as 2024-10-29T13:00:00+07:00. */
export function IsInstant(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be an ISO 8601 date-time with a UTC offset, such as ${INSTANT_EXAMPLE}`, ...options },
      validator: { validate: isInstant },
    });
}

/** A calendar date `YYYY-MM-DD`. */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a date written YYYY-MM-DD, such as 2024-11-27', ...options },
      validator: { validate: isCalendarDate },
    });
}

/** A filter bound: an instant with an offset, or a calendar date (meaning 00:00 UTC of that day). */
export function IsInstantOrDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstantOrDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be an ISO 8601 date-time with a UTC offset (${INSTANT_EXAMPLE}) or a date (2024-10-29)`, ...options },
      validator: { validate: (value: unknown) => isInstant(value) || isCalendarDate(value) },
    });
}
