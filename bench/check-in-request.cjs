// autocannon's per-request hook for the check-in benchmark (runs inside autocannon's worker
// thread, hence a CommonJS file of its own): each request scans the next ticket of the list
// written by check-ins.js, so every scan is a first check-in.
const { readFileSync } = require('node:fs');

const { path, tickets, deviceId } = JSON.parse(readFileSync(process.env.NETRALITAS_BENCH_SCANS, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  const ticketCode = tickets[next % tickets.length];
  next += 1;
  return { ...request, method: 'POST', path, body: JSON.stringify({ ticketCode, deviceId }) };
};
