// The graphql-http server audit (GraphQL over HTTP) against a running Pasar.
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
// Prints every result; exits 1 on any MUST failure ("error") or SHOULD warning ("warn").
// MAY notices are printed and do not fail the run.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  results.push(await audit.fn());
}

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] += 1;
  const reason = result.status === 'ok' ? '' : ` — ${result.reason}`;
  console.log(`${result.status.padEnd(6)} ${result.id} ${result.name}${reason}`);
}
console.log(
  `graphql-http audit: ${counts.ok} ok, ${counts.error} MUST failures, ` +
    `${counts.warn} SHOULD warnings, ${counts.notice} MAY notices`,
);
process.exit(counts.error + counts.warn > 0 ? 1 : 0);
