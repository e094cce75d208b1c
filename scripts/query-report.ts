/** Runs one SQL query against a report's results.duckdb and prints the rows as JSON lines. */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, sql] = process.argv.slice(2);
if (!dir || !sql) {
  process.stderr.write('usage: npx tsx scripts/query-report.ts REPORT_DIR "SELECT ..."\n');
  process.exit(2);
}
const instance = await DuckDBInstance.create(path.join(dir, 'results.duckdb'), { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
for (const row of reader.getRowObjectsJson()) process.stdout.write(`${JSON.stringify(row)}\n`);
connection.closeSync();
instance.closeSync();
