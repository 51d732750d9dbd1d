import { Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { NotFoundError } from './errors.js';

/**
 * The secret of a link (RSVP, signing; `randomToken()` or `RANDOM_TOKEN_SQL` in codes.ts):
 * base64url. Anything else cannot be one, and is as unknown as a wrong one: a 404 naming what the
 * link leads to, before any query.
 */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

class LinkTokenPipe implements PipeTransform<string, string> {
  constructor(private readonly leadsTo: string) {}

  transform(value: string): string {
    if (!LINK_TOKEN.test(value)) throw new NotFoundError(this.leadsTo);
    return value;
  }
}

/** The `:token` of a link route: `@LinkTokenParam('Invitation') token: string`. */
export const LinkTokenParam = (leadsTo: string) => Param('token', new LinkTokenPipe(leadsTo));

/** The `:token` parameter in the OpenAPI document, with its pattern. */
export const ApiLinkTokenParam = (description: string) => ApiParam({ name: 'token', description, schema: { type: 'string', pattern: LINK_TOKEN.source } });
