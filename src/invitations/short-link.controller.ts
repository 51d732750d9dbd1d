import { Controller, Get, RequestMethod, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/caller.js';
import { API_PREFIX } from '../config/config.js';
import { LinkTokenParam } from '../common/link-token.js';

/**
 * Routes served at the root, outside the API prefix (app.ts excludes them from it): the short
 * link printed under the QR code of a letter, `PUBLIC_URL/r/<token>`.
 */
export const ROOT_ROUTES = [{ path: 'r/:token', method: RequestMethod.GET }];

/**
 * `GET /r/:token` → 302 to the RSVP page (`/api/v1/rsvp/:token`). A shorter link makes a
 * smaller QR code and is easier to type from paper. The token is not looked up here: an unknown
 * one is told by the page (404), so the alias reveals nothing the page does not. Not part of the
 * API document (it is a link for people, not an endpoint).
 */
@ApiExcludeController()
@Public()
@Controller('r')
export class ShortLinkController {
  @Get(':token')
  redirect(@LinkTokenParam('Invitation') token: string, @Res() reply: FastifyReply): void {
    void reply.header('cache-control', 'no-store').redirect(`/${API_PREFIX}/rsvp/${token}`, 302);
  }
}
