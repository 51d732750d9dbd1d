import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/caller.js';
import { ServiceUnavailableError } from '../common/errors.js';
import { ApiProblem } from '../common/openapi.js';

class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status: string;
}

class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] }) status: string;
  @ApiProperty({ enum: ['ok'] }) database: string;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOperation({ operationId: 'checkLiveness', summary: 'Check that the process answers' })
  @ApiOkResponse({ type: LivenessResponse })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers too. */
  @Get('ready')
  @ApiOperation({ operationId: 'checkReadiness', summary: 'Check that the database answers too' })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiProblem(503, 'The database is not reachable')
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableError('The database is not reachable');
    }
    return { status: 'ok', database: 'ok' };
  }
}
