import { setTimeout as sleep } from 'node:timers/promises';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/caller.js';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../common/database-errors.js';
import { ServiceUnavailableError } from '../common/errors.js';
import { ApiProblem } from '../common/openapi.js';

class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status: string;
}

/**
 * Readiness answers within this bound whatever the database does: a load balancer or an
 * orchestrator probing a stopped database must hear "not ready" at once, not time out itself.
 */
export const READINESS_TIMEOUT_MS = 1000;

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

  /** Readiness: the database answers too, within READINESS_TIMEOUT_MS. */
  @Get('ready')
  @ApiOperation({ operationId: 'checkReadiness', summary: 'Check that the database answers too' })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiProblem(503, 'The database is not reachable, or did not answer within a second')
  async ready() {
    const abort = new AbortController();
    const answered = await Promise.race([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      sleep(READINESS_TIMEOUT_MS, false, { signal: abort.signal }).catch(() => false),
    ]);
    abort.abort();
    if (!answered) throw new ServiceUnavailableError('The database is not reachable', UNAVAILABLE_RETRY_AFTER_SECONDS);
    return { status: 'ok', database: 'ok' };
  }
}
