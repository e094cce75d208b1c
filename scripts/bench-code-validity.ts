/**
 * Code validity end to end: every real source file (the repository's, node_modules', the Debian
 * source packages', the trajectories' Python) through the engine exactly as `terse compress FILE`
 * sends it, and whether the output parses no worse than the input (no more ERROR or MISSING nodes).
 * Prints valid/total and tokens before/after per language and per set, then every invalid file.
 * `--cli-every N` also runs the real CLI on every N-th file and checks it prints the same bytes.
 *
 *   npm run bench:code-validity -- [--profile balanced|aggressive] [--cli-every N] [--list FILE]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environment } from '../src/config.ts';
import { sourceCli } from '../src/cli/source-cli.ts';
import { createGrammarRegistry } from '../src/compressors/code/grammar-registry.ts';
import { createEngine } from '../src/engine/create-engine.ts';
import type { Profile } from '../src/types.ts';
import { codeFileSets } from './code-validity/code-file-sets.ts';
import { isValid, measureFile, type ValidityRow } from './code-validity/validity-rows.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

const profile = (option('--profile') ?? 'balanced') as Profile;
const cliEvery = Number(option('--cli-every') ?? 0);
const listFile = option('--list');

const setup = await createEngine({ profile, tokenizer: environment.tokenizer });
const checker = createGrammarRegistry();
await checker.prepare();

const rows: ValidityRow[] = [];
for (const { name, files } of codeFileSets(environment.projectRoot, environment.sharedDir)) {
  for (const file of files) rows.push(await measureFile(name, file, setup, checker));
}

/** The real CLI on every n-th file (copied under its own base name): its output must be the engine's. */
function checkCli(every: number): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-validity-'));
  const mismatches: string[] = [];
  try {
    rows.forEach((row, index) => {
      if (index % every !== 0) return;
      const file = path.join(dir, `${index}`, path.basename(row.name));
      execFileSync('mkdir', ['-p', path.dirname(file)]);
      const source = codeFileSets(environment.projectRoot, environment.sharedDir)
        .flatMap((set) => set.files)
        .find((f) => f.name === row.name);
      writeFileSync(file, source?.text ?? '');
      const printed = execFileSync(
        process.execPath,
        [...sourceCli(environment.projectRoot), 'compress', file, '--profile', profile],
        {
          env: { ...process.env, TERSE_STORE: path.join(dir, 'store.duckdb') },
          maxBuffer: 64 * 1024 * 1024,
        },
      ).toString('utf8');
      if (printed !== row.printed) mismatches.push(row.name);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return mismatches;
}

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`);
const thousands = (value: number): string => value.toLocaleString('en-US');

function tableBy(label: string, keyOf: (row: ValidityRow) => string): void {
  const keys = [...new Set(rows.map(keyOf))].sort();
  console.log(`| ${label} | files | changed | valid / total | tokens before | tokens after | reduction |`);
  console.log('|:---|---:|---:|---:|---:|---:|---:|');
  for (const key of [...keys, 'all']) {
    const of = rows.filter((row) => key === 'all' || keyOf(row) === key);
    const valid = of.filter(isValid).length;
    const before = of.reduce((sum, row) => sum + row.tokensBefore, 0);
    const after = of.reduce((sum, row) => sum + row.tokensAfter, 0);
    const changed = of.filter((row) => row.tokensAfter !== row.tokensBefore).length;
    console.log(
      `| ${key} | ${of.length} | ${changed} | ${valid} / ${of.length} | ${thousands(before)} | ${thousands(after)} | ${percent(before - after, before)} |`,
    );
  }
  console.log('');
}

console.log(
  `code validity, end to end (terse compress FILE): profile ${profile}, tokenizer ${setup.ruler.name}, ${rows.length} files\n`,
);
tableBy('language', (row) => row.language);
tableBy('set', (row) => row.set);
const invalid = rows.filter((row) => !isValid(row));
for (const row of invalid)
  console.log(
    `invalid: ${row.set}/${row.name} (${row.language}, ${row.by}): ${row.errorsBefore} -> ${row.errorsAfter} error nodes`,
  );
const byCompressor = new Map<string, number>();
for (const row of rows) byCompressor.set(row.by, (byCompressor.get(row.by) ?? 0) + 1);
console.log(
  `\noutcomes: ${[...byCompressor]
    .sort((a, b) => b[1] - a[1])
    .map(([by, n]) => `${by} ${n}`)
    .join(', ')}`,
);
if (listFile !== undefined) {
  writeFileSync(
    listFile,
    rows
      .map(
        (row) =>
          `${row.set}/${row.name}\t${row.by}\t${row.tokensBefore}\t${row.tokensAfter}\t${row.errorsBefore}\t${row.errorsAfter}`,
      )
      .join('\n') + '\n',
  );
}
if (cliEvery > 0) {
  const mismatches = checkCli(cliEvery);
  console.log(
    `CLI check: every ${cliEvery}th file through terse compress (src/cli.ts): ${mismatches.length === 0 ? 'same bytes' : `differs on ${mismatches.join(', ')}`}`,
  );
}
