import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/caller.js';
import { findAsset } from '../pages/assets.js';
import { PageErrorFilter, sendPage } from '../pages/page-response.js';
import { DOOR_PATH, doorPage } from './door-page.js';

/**
 * The door app for CHECKIN staff (DESIGN §4, pages for people). The page and its service worker
 * are public: they hold no data. Staff sign in from the page, which then calls the JSON API
 * (check-ins, batch, lookup, counts) with their token, like any other client.
 */
@ApiTags('check-in')
@Public()
@Controller('door')
export class DoorController {
  @Get()
  @UseFilters(PageErrorFilter)
  @ApiOperation({
    operationId: 'viewDoorApp',
    summary: 'Open the door app (HTML)',
    description: 'Mobile-first page in Bahasa Indonesia: sign in, choose the event, scan tickets, search, register walk-ins; keeps working offline.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } })
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    return sendPage(reply, doorPage());
  }

  @Get('sw.js')
  @ApiOperation({ operationId: 'getDoorServiceWorker', summary: "The door app's service worker (keeps the page for offline use)" })
  @ApiProduces('text/javascript')
  @ApiOkResponse({ description: 'The script', content: { 'text/javascript': { schema: { type: 'string' } } } })
  worker(@Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const script = findAsset('door-sw.js')!;
    void reply
      .header('content-type', script.contentType)
      // A worker's scope stops at its own folder (/door/); the page it keeps is /door itself.
      .header('service-worker-allowed', DOOR_PATH)
      // Browsers look for a new worker on every visit; always send the current one.
      .header('cache-control', 'no-cache');
    return script.body;
  }
}
