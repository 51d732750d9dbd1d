import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { FilesModule } from '../files/files.module.js';
import { PeopleModule } from '../people/people.module.js';
import { AnswersService } from './answers.service.js';
import { AssignmentLettersService } from './assignment-letters.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';
import { LettersController } from './letters.controller.js';
import { RsvpController } from './rsvp.controller.js';
import { ShortLinkController } from './short-link.controller.js';

/** Invitations, answers (by account or RSVP link), registrations and surat tugas. Exports the services the letter PDF and RSVP page render from. */
@Module({
  imports: [EventsModule, PeopleModule, FilesModule],
  controllers: [InvitationsController, LettersController, RsvpController, ShortLinkController],
  providers: [InvitationsRepository, InvitationsService, AnswersService, AssignmentLettersService],
  exports: [InvitationsService, AnswersService],
})
export class InvitationsModule {}
