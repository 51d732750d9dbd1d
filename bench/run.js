// npm run bench — prints each benchmark as a table, figures relative to a baseline of the same run.
import { benchCheckIns } from './check-ins.js';
import { benchDocuments } from './documents.js';
import { benchImport } from './import.js';
import { benchInvitations } from './invitations.js';
import { benchRequests } from './requests.js';

const benches = [
  ['Request throughput (16 concurrent, loopback)', benchRequests],
  ['People CSV import (streamed, 500-row batches)', benchImport],
  ['Invitations: bulk invite and racing confirmations', benchInvitations],
  ['PDF documents (pdfmake, embedded Tinos)', benchDocuments],
  ['Door check-in (one event of 5,000 registrations, 50 concurrent connections)', benchCheckIns],
];

for (const [title, run] of benches) {
  const rows = await run();
  console.log(`\n${title}`);
  console.table(rows.map(([what, value, relative]) => ({ what, value, relative })));
}
