/**
 * iCalendar (RFC 5545) for one event (`GET /events/:id.ics`) and for a region's subscribable
 * feed (`GET /regions/:id/events.ics`).
 *
 * Time zone decision: DTSTART/DTEND are written as UTC instants (`…Z`). They are exact in every
 * client whatever its time zone database, and the `ics` library cannot write TZID-qualified
 * times anyway. The region's zone is still carried by the calendar: X-WR-TIMEZONE (the display
 * zone Google and Apple use for a subscribed calendar), a VTIMEZONE component defining that zone,
 * and the local time spelled out in the description ("13.00–16.00 WIB"), so an official whose
 * phone is set to another zone still reads the time printed on the invitation letter.
 */
import { createEvents, type EventAttributes, type EventStatus, type HeaderAttributes } from 'ics';
import type { IndonesianTimezone } from '../regions/region.entity.js';
import { formatIndonesianDateTimeRange, formatUtcOffset, utcOffsetMinutes, zoneAbbreviation } from './indonesian-time.js';

export type CalendarEventStatus = 'DRAFT' | 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';

export interface CalendarEvent {
  id: string;
  title: string;
  description?: string | null;
  venueName?: string | null;
  venueAddress?: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: IndonesianTimezone;
  status: CalendarEventStatus;
  /** Free text ("Bakesbangpol Kota Batu"), so it goes into the description: ORGANIZER needs an address. */
  organizer?: string | null;
  url?: string;
  updatedAt?: Date;
  /** Raise on every reschedule or cancellation: clients that imported the file apply only a higher SEQUENCE. */
  sequence?: number;
}

/** The calendar as a whole: its name in the client's list and the region's zone. */
export interface CalendarInfo {
  name: string;
  timezone: IndonesianTimezone;
}

const PRODUCT_ID = '-//Netralitas//Sosialisasi Netralitas ASN//ID';

/** Draft events are announced as tentative; held ones stay confirmed so the feed keeps its history. */
const ICS_STATUS: Record<CalendarEventStatus, EventStatus> = {
  DRAFT: 'TENTATIVE',
  SCHEDULED: 'CONFIRMED',
  COMPLETED: 'CONFIRMED',
  CANCELLED: 'CANCELLED',
};

/** One event as a calendar file, named after the event unless told otherwise. */
export function buildEventCalendar(event: CalendarEvent, calendarName: string = event.title): string {
  return buildCalendarFeed([event], { name: calendarName, timezone: event.timezone });
}

/** A region's events as one calendar; with no events it is still a valid, subscribable calendar. */
export function buildCalendarFeed(events: readonly CalendarEvent[], calendar: CalendarInfo): string {
  const header: HeaderAttributes = { productId: PRODUCT_ID, calName: escapeText(calendar.name) };
  const { error, value } = createEvents(events.map(toEventAttributes), header);
  if (error || !value) {
    throw new Error(`Cannot build the iCalendar feed "${calendar.name}": ${error?.message}`, { cause: error });
  }
  return foldContentLines(insertBeforeFirstComponent(value, calendarTimezoneLines(calendar.timezone)));
}

/** A stable UID, so a client updates its copy of the event on every download instead of adding one. */
export function eventUid(eventId: string): string {
  return `${eventId}@netralitas`;
}

function toEventAttributes(event: CalendarEvent): EventAttributes {
  return {
    uid: eventUid(event.id),
    title: event.title,
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: ICS_STATUS[event.status],
    location: joinPresent([event.venueName, event.venueAddress], ', '),
    description: eventDescription(event),
    url: event.url,
    lastModified: event.updatedAt?.getTime(),
    sequence: event.sequence,
  };
}

function eventDescription(event: CalendarEvent): string {
  const when = `Waktu: ${formatIndonesianDateTimeRange(event.startsAt, event.endsAt, event.timezone)}`;
  const organizer = event.organizer ? `Penyelenggara: ${event.organizer}` : undefined;
  return joinPresent([event.description, when, organizer], '\n\n');
}

/**
 * X-WR-TIMEZONE and a VTIMEZONE for the region's zone. Indonesian zones have had one fixed
 * offset and no daylight saving since 1988 (Pontianak moved from WITA to WIB then), so a single
 * STANDARD observance describes them. The VTIMEZONE also keeps an empty feed valid: RFC 5545
 * requires at least one component in a VCALENDAR.
 */
function calendarTimezoneLines(timezone: IndonesianTimezone): string {
  const offset = formatUtcOffset(utcOffsetMinutes(new Date(), timezone), 'basic');
  return [
    `X-WR-TIMEZONE:${timezone}`,
    'BEGIN:VTIMEZONE',
    `TZID:${timezone}`,
    'BEGIN:STANDARD',
    'DTSTART:19880101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${zoneAbbreviation(timezone)}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ]
    .map((line) => `${line}\r\n`)
    .join('');
}

/**
 * Calendar properties must precede the components, and the `ics` library has no hook for extra
 * ones, so they go in front of the first VEVENT (or the closing line of an empty calendar).
 * Content lines are escaped and folded, so no text can start a line with these words.
 */
function insertBeforeFirstComponent(ics: string, lines: string): string {
  const position = ics.search(/^(?:BEGIN:VEVENT|END:VCALENDAR)\r$/m);
  return ics.slice(0, position) + lines + ics.slice(position);
}

/** RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
const MAX_LINE_OCTETS = 75;

/**
 * Folds content lines at 75 UTF-8 octets, never inside a character (§3.1: "multi-octet
 * characters MUST NOT be split"), continuing on lines that start with a space. The `ics` library
 * folds at 75 characters, so a line with "–", "é" or "Ⅱ" reached 79 octets and more; its folds
 * are undone first (escaped TEXT holds no line break, so every CRLF + space or tab is one).
 */
export function foldContentLines(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  // A continuation line starts with a space, which counts towards its 75 octets.
  let room = MAX_LINE_OCTETS;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
      room = MAX_LINE_OCTETS - 1;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** TEXT escaping (RFC 5545 §3.3.11) for X-WR-CALNAME, which the library writes unescaped. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Joins the parts that have text; '' when none has, which the library leaves out. */
function joinPresent(parts: ReadonlyArray<string | null | undefined>, separator: string): string {
  return parts.filter((part): part is string => Boolean(part?.trim())).join(separator);
}
