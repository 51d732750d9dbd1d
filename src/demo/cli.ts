/**
 * npm run demo — loads the demo data set (five Kesbangpol/Bawaslu outreach stories) into the
 * database the API uses: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR.
 * Safe to run again: nothing is duplicated.
 */
import './not-in-production.js';
import { loadConfig } from '../config/config.js';
import { withMigratedDatabase } from '../database/database-server.js';
import { DEMO_PASSWORD, demoData } from './demo-data.js';
import { loadDemoData } from './demo-loader.js';

async function main(): Promise<void> {
  const summary = await withMigratedDatabase(loadConfig(), (dataSource) => loadDemoData(dataSource, demoData));
  console.log('Demo data loaded:', Object.entries(summary).map(([kind, n]) => `${n} ${kind}`).join(', '));
  console.log(`Log in with any of these (password "${DEMO_PASSWORD}"):`);
  for (const user of demoData.users) console.log(`  ${user.role.padEnd(10)} ${user.email}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
