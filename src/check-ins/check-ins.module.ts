import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceService } from './attendance.service.js';
import { CheckInsController } from './check-ins.controller.js';
import { CheckInsRepository } from './check-ins.repository.js';
import { CheckInsService } from './check-ins.service.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { NoSignLinks, SignLinks } from './sign-links.js';

@Module({
  imports: [EventsModule],
  controllers: [CheckInsController, AttendanceController],
  providers: [
    CheckInsRepository,
    RegistrationsRepository,
    CheckInsService,
    AttendanceService,
    // Pledges bind their own implementation here (see sign-links.ts).
    { provide: SignLinks, useClass: NoSignLinks },
  ],
  exports: [AttendanceService],
})
export class CheckInsModule {}
