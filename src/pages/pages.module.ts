import { Controller, Get, Module, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { findAsset } from './assets.js';

/** `/assets/:name`: the stylesheet and scripts of the pages (see assets.ts). */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  @Get(':name')
  asset(@Param('name') name: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Buffer | string {
    const asset = findAsset(name);
    if (!asset) throw new NotFoundError('Asset', name);
    const immutable = name === asset.hashedName;
    void reply
      .header('content-type', asset.contentType)
      .header('etag', asset.etag)
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, no-cache');
    if (request.headers['if-none-match'] === asset.etag) {
      void reply.status(304);
      return '';
    }
    return asset.body;
  }
}

/** Shared pieces of the pages for people; the pages themselves live with their features. */
@Module({ controllers: [AssetsController] })
export class PagesModule {}
