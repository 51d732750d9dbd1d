import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { registerUploads } from './common/uploads.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';

export const API_PREFIX = 'api/v1';

/** A client may pass its own request id (letters, digits, dashes); otherwise one is made. */
function requestId(raw: IncomingMessage): string {
  const given = raw.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  // pino-http reads raw.id, so log lines and problem+json carry the same id.
  (raw as IncomingMessage & { id: string }).id = id;
  return id;
}

/**
 * Builds the fully configured application; main.ts listens on it, tests call inject/supertest.
 * `extraModules` lets a benchmark mount a reference route beside the API, behind the same guard
 * and pipeline; the product passes none.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  onClose?: () => Promise<void>,
  extraModules: ReadonlyArray<Type<unknown> | DynamicModule> = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ genReqId: requestId, trustProxy: config.trustProxy, bodyLimit: 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, databaseUrl, extraModules), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (onClose) fastify.addHook('onClose', onClose);
  await registerUploads(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The OpenAPI UI needs inline styles and scripts, and data: images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Served over plain HTTP inside an office network as often as behind TLS.
        upgradeInsecureRequests: null,
      },
    },
  });

  const openApi = new DocumentBuilder()
    .setTitle('Netralitas API')
    .setDescription(
      'Sosialisasi netralitas ASN: regions, agencies, people, events, invitations, check-in, pledges and coverage reports. ' +
        'Log in with POST /api/v1/auth/login and send the accessToken as `Authorization: Bearer …`. ' +
        'Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  await fastify.ready();
  return app;
}
