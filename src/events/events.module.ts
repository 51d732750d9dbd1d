import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { EventsController } from './events.controller.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';
import { ProgrammeService } from './programme.service.js';

@Module({
  controllers: [EventsController, CalendarController],
  providers: [EventsRepository, EventsService, ProgrammeService, CalendarService],
  exports: [EventsRepository],
})
export class EventsModule {}
