import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type ModuleImport } from './app.module.js';
import { clientErrorHandler, frameworkErrors } from './common/framework-errors.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { registerBodyParsers } from './common/request-bodies.js';
import { registerUploads } from './common/uploads.js';
import { createValidationPipe } from './common/validation.js';
import { API_PREFIX, type AppConfig, loadConfig } from './config/config.js';
import { migrateDatabase } from './database/migrate.js';
import { registerFileUploads } from './files/file-upload.js';
import { ROOT_ROUTES } from './invitations/short-link.controller.js';
import { createOpenApiDocument } from './openapi/document.js';

/** A client may pass its own request id (letters, digits, dashes); otherwise one is made. */
function requestId(raw: IncomingMessage): string {
  const given = raw.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  // pino-http reads raw.id, so log lines and problem+json carry the same id.
  (raw as IncomingMessage & { id: string }).id = id;
  return id;
}

/**
 * Builds the fully configured application; main.ts listens on it, tests call inject/supertest
 * (and may add modules of their own with `extraImports`).
 */
export async function createApp(config: AppConfig, databaseUrl: string, onClose?: () => Promise<void>, extraImports: ModuleImport[] = []): Promise<NestFastifyApplication> {
  await migrateDatabase(databaseUrl, config.databaseTimeouts.connectMs);
  const adapter = new FastifyAdapter({
    genReqId: requestId,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Errors raised before routing (bad percent-encoding, an over-long parameter, an HTTP parser
    // refusal) are answered as problem+json like every other error.
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, databaseUrl, extraImports), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Links for people printed on paper (the RSVP short link) live at the root.
  app.setGlobalPrefix(API_PREFIX, { exclude: ROOT_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (onClose) fastify.addHook('onClose', onClose);
  await registerUploads(app);
  registerBodyParsers(app);
  registerFileUploads(app);
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

  // Built on the first request of /api/docs or /api/docs-json, not at boot.
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app, API_PREFIX), { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  await fastify.ready();
  return app;
}

/**
 * The OpenAPI document without a server or a database: in preview mode Nest reads the modules,
 * controllers and decorators but instantiates nothing, which is all the document is made of.
 * `npm run openapi` writes openapi.json from it; the OpenAPI test checks that it equals what the
 * running app serves at /api/docs-json.
 */
export async function describeApi(): Promise<OpenAPIObject> {
  // No value of the configuration shows in the document; this one only has to be valid.
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'unused-unused-unused-unused-unused', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, 'postgres://unused'), new FastifyAdapter(), { preview: true, logger: false });
  try {
    return createOpenApiDocument(app, API_PREFIX);
  } finally {
    await app.close();
  }
}
