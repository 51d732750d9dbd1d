import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { PledgeSignLinks } from '../pledges/pledge-sign-links.js';
import { PledgesModule } from '../pledges/pledges.module.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceService } from './attendance.service.js';
import { CheckInsController } from './check-ins.controller.js';
import { CheckInsRepository } from './check-ins.repository.js';
import { CheckInsService } from './check-ins.service.js';
import { DoorController } from './door.controller.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { SignLinks } from './sign-links.js';

@Module({
  imports: [EventsModule, PledgesModule],
  controllers: [CheckInsController, AttendanceController, DoorController],
  providers: [
    CheckInsRepository,
    RegistrationsRepository,
    CheckInsService,
    AttendanceService,
    // The signing links come from the pledges feature (see sign-links.ts).
    { provide: SignLinks, useExisting: PledgeSignLinks },
  ],
  exports: [AttendanceService],
})
export class CheckInsModule {}
