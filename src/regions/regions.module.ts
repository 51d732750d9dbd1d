import { Global, Module } from '@nestjs/common';
import { OfficeController } from './office.controller.js';
import { OfficeService } from './office.service.js';
import { RegionsController } from './regions.controller.js';
import { RegionsService } from './regions.service.js';

/** Global: every feature that prints a document asks OfficeService.issuer for the region's letterhead. */
@Global()
@Module({ controllers: [RegionsController, OfficeController], providers: [RegionsService, OfficeService], exports: [OfficeService] })
export class RegionsModule {}
