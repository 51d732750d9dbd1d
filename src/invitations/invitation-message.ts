import { formatIndonesianDate, formatIndonesianDateTimeRange, formatTimeRange } from '../documents/indonesian-time.js';
import type { IndonesianTimezone } from '../regions/region.entity.js';

/** What an invitation says about its event, in Bahasa Indonesia: the lines a letter and a message share. */
export interface InvitationSchedule {
  /** "Selasa, 29 Oktober 2024"; for an event over several days, both ends with their times. */
  date: string;
  /** "13.00–16.00 WIB"; null for an event over several days (the date line carries the times). */
  time: string | null;
  /** "GOR Gajah Mada, Jl. Gajah Mada, Kota Batu" */
  venue: string;
}

export interface InvitationMessageInput {
  addresseeTitle: string;
  agencyName: string;
  seats: number;
  rsvpUrl: string;
  event: {
    title: string;
    organizer: string | null;
    venueName: string;
    venueAddress: string | null;
    startsAt: Date;
    endsAt: Date;
    timezone: IndonesianTimezone;
  };
}

/** The "hari/tanggal", "pukul" and "tempat" of an invitation, in the event region's own zone. */
export function invitationSchedule(event: InvitationMessageInput['event']): InvitationSchedule {
  const sameDay = formatIndonesianDate(event.startsAt, event.timezone) === formatIndonesianDate(event.endsAt, event.timezone);
  return {
    date: sameDay ? formatIndonesianDate(event.startsAt, event.timezone) : formatIndonesianDateTimeRange(event.startsAt, event.endsAt, event.timezone),
    time: sameDay ? formatTimeRange(event.startsAt, event.endsAt, event.timezone) : null,
    venue: [event.venueName, event.venueAddress].filter(Boolean).join(', '),
  };
}

/**
 * The invitation as a WhatsApp message, the way letters travel in practice: addressee, event,
 * day and time in the region's zone, venue, seats, and the RSVP link. `*…*` is WhatsApp's bold.
 */
export function invitationMessage(input: InvitationMessageInput): string {
  const schedule = invitationSchedule(input.event);
  return [
    `Yth. ${input.addresseeTitle}`,
    input.agencyName,
    '',
    'Dengan hormat, kami mengundang Bapak/Ibu untuk menghadiri:',
    `*${input.event.title}*`,
    `Hari/tanggal: ${schedule.date}`,
    ...(schedule.time ? [`Pukul: ${schedule.time}`] : []),
    `Tempat: ${schedule.venue}`,
    `Jumlah peserta: ${input.seats} orang`,
    '',
    'Mohon konfirmasi kehadiran dan nama peserta (atau wakil yang ditugaskan) melalui tautan berikut:',
    input.rsvpUrl,
    ...(input.event.organizer ? ['', input.event.organizer] : []),
  ].join('\n');
}

/** A link that opens WhatsApp with the message ready to send; the user picks the recipient. */
export function whatsappUrl(message: string): string {
  return `https://wa.me/?text=${encodeURIComponent(message)}`;
}
