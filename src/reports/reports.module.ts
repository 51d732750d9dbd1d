import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CoverageViewController } from './coverage-view.controller.js';
import { ReportSessions } from './report-session.js';
import { ReportsController } from './reports.controller.js';
import { ReportsDatabase } from './reports-database.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [AuthModule],
  controllers: [ReportsController, CoverageViewController],
  providers: [ReportsDatabase, ReportsService, ReportSessions],
  exports: [ReportsService, ReportsDatabase],
})
export class ReportsModule {}
