// npm run bench — prints each benchmark as a table, figures relative to a baseline of the same run.
// `npm run bench -- coverage check-ins` runs only the benchmarks named (see the keys below).
import { benchCheckIns } from './check-ins.js';
import { benchCoverage } from './coverage.js';
import { benchCoverageDocuments } from './coverage-documents.js';
import { benchDocuments } from './documents.js';
import { benchImport } from './import.js';
import { benchInvitations } from './invitations.js';
import { benchLetters } from './letters.js';
import { benchPledges } from './pledges.js';
import { benchRequests } from './requests.js';

const benches = [
  ['requests', 'Request throughput (16 concurrent, loopback)', benchRequests],
  ['import', 'People CSV import (streamed, 500-row batches)', benchImport],
  ['invitations', 'Invitations: bulk invite and racing confirmations', benchInvitations],
  ['documents', 'PDF documents (pdfmake, embedded Tinos)', benchDocuments],
  ['check-ins', 'Door check-in (one event of 5,000 registrations, 50 concurrent connections)', benchCheckIns],
  ['letters', 'Invitation letters (150 one-page letters with QR codes in one PDF)', benchLetters],
  ['pledges', 'Pledges: signing on one chain vs ten, and chain verification', benchPledges],
  ['coverage', 'Coverage report (one city of 50 national-size cities; 10 concurrent clients)', benchCoverage],
  ['coverage-files', 'Coverage report files (PDF and XLSX of 150 agencies, renderers only)', benchCoverageDocuments],
];

const names = process.argv.slice(2);
const unknown = names.filter((name) => !benches.some(([key]) => key === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${benches.map(([key]) => key).join(', ')}`);
  process.exit(1);
}

for (const [key, title, run] of benches) {
  if (names.length > 0 && !names.includes(key)) continue;
  const rows = await run();
  console.log(`\n${title}`);
  console.table(rows.map(([what, value, relative]) => ({ what, value, relative })));
}
