import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { openDatabase } from './database/database-server.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  // The embedded server stops after the app has drained, on SIGINT/SIGTERM alike.
  const app = await createApp(config, database.url, () => database.close());
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const where = database.embedded ? `embedded PostgreSQL (data in ${config.dataDir}/pg)` : 'DATABASE_URL';
  console.log(`Netralitas API on http://localhost:${config.port}/api/v1 — OpenAPI at http://localhost:${config.port}/api/docs — database: ${where}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
