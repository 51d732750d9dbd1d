import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { CascadesController } from './cascades.controller.js';
import { CascadesService } from './cascades.service.js';

@Module({
  imports: [FilesModule],
  controllers: [CascadesController],
  providers: [CascadesService],
})
export class CascadesModule {}
