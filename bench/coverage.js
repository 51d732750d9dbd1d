// The coverage report on a national-size data set (bench/coverage-data.js: 50 cities, each with
// 150 agencies, 10,000 people, 40 events, 5,000 check-ins, 5,000 pledges): one city's report as
// JSON through the API, 10 clients at a time, against the same figures computed by the same
// hand-written statement sent through pg directly (10 pooled connections) in the same run — what
// the API adds on top of the SQL (authentication, the scoped region lookup, mapping, JSON). Also
// the XLSX and the PDF of the same report: time per file and the process's peak memory while making them;
// and the report page's list of regions (ADMIN: the 5 provinces; a province: its 10 cities) against
// the JSON rollup it shows, one at a time.
import pg from 'pg';
import { REGION_REPORT_SQL } from '../dist/reports/coverage.sql.js';
import { generateCoverageData } from './coverage-data.js';
import { ADMIN, ratio, startBenchApp } from './support.js';

const CLIENTS = 10;
const REQUESTS = 300;
const XLSX_FILES = 10;
const PDF_FILES = 5;
const ROLLUPS = 10;

/** `total` calls of `work`, `clients` at a time; the latency of each, in ms, sorted. */
async function latencies(clients, total, work) {
  const times = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        next += 1;
        const started = process.hrtime.bigint();
        await work();
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function benchCoverage() {
  const app = await startBenchApp();
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  const pool = new pg.Pool({ connectionString: app.databaseUrl, max: CLIENTS });
  try {
    const ids = await generateCoverageData(client);
    const url = `${app.base}/reports/coverage?regionId=${ids.regionId}`;
    const viaApi = async (format = 'json') => {
      const response = await fetch(format === 'json' ? url : `${url}&format=${format}`, { headers: { authorization: app.token } });
      if (response.status !== 200) throw new Error(`report: ${response.status} ${await response.text()}`);
      return format === 'json' ? response.json() : Buffer.from(await response.arrayBuffer());
    };
    const viaSql = () => pool.query(REGION_REPORT_SQL, [[ids.regionId], null, null, null, null]);

    const report = await viaApi();
    if (report.agencies.length !== 150) throw new Error(`expected 150 agencies, got ${report.agencies.length}`);
    // Warm both paths (plans, caches, the JIT) before measuring.
    await latencies(CLIENTS, 30, viaApi);
    await latencies(CLIENTS, 30, viaSql);
    const sql = await latencies(CLIENTS, REQUESTS, viaSql);
    const api = await latencies(CLIENTS, REQUESTS, viaApi);

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const xlsx = await latencies(1, XLSX_FILES, () => viaApi('xlsx'));
    clearInterval(sampler);
    const xlsxPeak = peak - before;
    // The printable PDF of the same report (src/reports/coverage-pdf.ts), measured the same way.
    global.gc?.();
    const beforePdf = process.memoryUsage().rss;
    peak = beforePdf;
    const pdfSampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const pdf = await latencies(1, PDF_FILES, () => viaApi('pdf'));
    clearInterval(pdfSampler);
    const pdfPeak = peak - beforePdf;
    const json = await latencies(1, XLSX_FILES, () => viaApi('json'));
    const size = (await viaApi('xlsx')).length;
    const pdfSize = (await viaApi('pdf')).length;

    // The list of regions of the report page, signed in as the page's form does, against the JSON rollup.
    const session = await fetch(`${app.base}/reports/coverage/view/session`, { method: 'POST', body: new URLSearchParams(ADMIN), redirect: 'manual' });
    if (session.status !== 303) throw new Error(`page sign-in: ${session.status}`);
    const cookie = session.headers.get('set-cookie').split(';')[0];
    const province = (await client.query('SELECT parent_id FROM regions WHERE id = $1', [ids.regionId])).rows[0].parent_id;
    const rollupJson = (query) => async () => {
      const response = await fetch(`${app.base}/reports/coverage/regions${query}`, { headers: { authorization: app.token } });
      if (response.status !== 200) throw new Error(`rollup: ${response.status}`);
      return response.json();
    };
    const listPage = (query) => async () => {
      const response = await fetch(`${app.base}/reports/coverage/view${query}`, { headers: { cookie, accept: 'text/html' } });
      const page = await response.text();
      if (response.status !== 200 || !page.includes('class="region-list"')) throw new Error(`region list: ${response.status}`);
      return page;
    };
    // In turns, so that a change in the machine's load weighs on both alike.
    const paired = async (json, page) => {
      await json();
      await page();
      const times = { json: [], page: [] };
      for (let turn = 0; turn < ROLLUPS; turn += 1) {
        times.json.push(...(await latencies(1, 1, json)));
        times.page.push(...(await latencies(1, 1, page)));
      }
      return { json: times.json.sort((a, b) => a - b), page: times.page.sort((a, b) => a - b) };
    };
    const { json: nationalJson, page: nationalPage } = await paired(rollupJson(''), listPage(''));
    const { json: provinceJson, page: provincePage } = await paired(rollupJson(`?parentId=${province}`), listPage(`?parentId=${province}`));

    const ms = (value) => `${value.toFixed(1)} ms`;
    return [
      ['Region report, SQL through pg (baseline) p50', ms(percentile(sql, 50)), '1.00×'],
      ['Region report, SQL through pg (baseline) p95', ms(percentile(sql, 95)), '1.00×'],
      [`Region report JSON via API, ${CLIENTS} clients, p50`, ms(percentile(api, 50)), ratio(percentile(api, 50), percentile(sql, 50))],
      [`Region report JSON via API, ${CLIENTS} clients, p95 (target < 50 ms, ≤ 1.5×)`, ms(percentile(api, 95)), ratio(percentile(api, 95), percentile(sql, 95))],
      ['Region report JSON, one at a time (median)', ms(percentile(json, 50)), '1.00×'],
      [`Region report XLSX, one at a time (median, ${Math.round(size / 1024)} KiB)`, ms(percentile(xlsx, 50)), ratio(percentile(xlsx, 50), percentile(json, 50))],
      ['XLSX: peak RSS above the process before', `${(xlsxPeak / 1024 / 1024).toFixed(1)} MiB`, ''],
      [`Region report PDF, one at a time (median, ${Math.round(pdfSize / 1024)} KiB)`, ms(percentile(pdf, 50)), ratio(percentile(pdf, 50), percentile(json, 50))],
      ['PDF: peak RSS above the process before', `${(pdfPeak / 1024 / 1024).toFixed(1)} MiB`, ''],
      ['National rollup JSON (5 provinces, 50 cities), one at a time (median; baseline)', ms(percentile(nationalJson, 50)), '1.00×'],
      ['Report page: ADMIN\'s list of the provinces (median)', ms(percentile(nationalPage, 50)), ratio(percentile(nationalPage, 50), percentile(nationalJson, 50))],
      ['Province rollup JSON (10 cities), one at a time (median; baseline)', ms(percentile(provinceJson, 50)), '1.00×'],
      ['Report page: the province\'s list of its cities (median)', ms(percentile(provincePage, 50)), ratio(percentile(provincePage, 50), percentile(provinceJson, 50))],
    ];
  } finally {
    await pool.end();
    await client.end();
    await app.close();
  }
}
