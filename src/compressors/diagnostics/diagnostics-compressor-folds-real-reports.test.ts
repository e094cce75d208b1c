import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { requestsOf } from '../../bench/trace.ts';
import { canonicalFromBody } from '../../engine/request/canonical-request.ts';
import {
  headroomSuite,
  localSuite,
  specSuites,
  type NamedSuiteBuild,
} from '../../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../../testkit/invariants/suite-blocks.ts';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressResult } from '../compressor.ts';
import { diagnosticsCompressor } from './diagnostics-compressor.ts';

const ruler = createTokenRuler('o200k_base');
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');

function compress(text: string, conversation = ''): CompressResult | null {
  return diagnosticsCompressor.compress({ text, kind: 'table' }, { profile: 'balanced', ruler, conversation });
}

/** The tsc report the local SRE trace recorded for the grammar type-check (1,029 diagnostics). */
async function recordedTscReport(): Promise<string> {
  const { build } = await localSuite();
  if (build.state !== 'ready') throw new Error(`the local suite is missing: ${build.reason}`);
  for (const trace of build.traces) {
    for (const request of requestsOf(trace)) {
      for (const part of canonicalFromBody(request.body, trace.header.provider).parts) {
        if (part.compressible && part.text.startsWith('grammars/go-grammar.js(') && part.text.length > 50_000)
          return part.text;
      }
    }
  }
  throw new Error('the recorded grammar type-check report is not in the local suite');
}

/** What tsc --pretty false prints for `source`, checked as a .ts file of its own. */
function liveTscReport(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-tsc-'));
  try {
    writeFileSync(path.join(dir, 'orders.ts'), source);
    const tsc = path.join(environment.projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '--strict', 'orders.ts'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('diagnostics compressor', () => {
  it("folds the recorded tsc report into exact counts by kind and file, each kind's first in full", async () => {
    const report = await recordedTscReport();
    const result = compress(report);
    expect(result).not.toBeNull();
    const text = result?.text ?? '';
    const lines = report.split('\n').filter((line) => line.trim() !== '');
    const cannotFind = lines.filter((line) => /: error TS2304: Cannot find name '/.test(line));
    // The count an agent asks for ("how many Cannot find name errors?") is stated, exactly.
    expect(text).toContain(`${cannotFind.length}x error TS2304: Cannot find name '…'.`);
    expect(text).toContain(`${lines.length} diagnostics (${lines.length} errors) in 2 files`);
    for (const file of ['grammars/go-grammar.js', 'grammars/python-grammar.js']) {
      expect(text).toContain(`${file} x${lines.filter((line) => line.startsWith(`${file}(`)).length}`);
    }
    const seqCount = cannotFind.filter((line) => line.includes("Cannot find name 'seq'")).length;
    expect(text).toContain(`'seq' x${seqCount}`);
    // Every line kept is a line of the report, whole; the marker holds the rest.
    for (const line of text.split('\n').filter((l) => l.startsWith('  '))) expect(report).toContain(line.slice(2));
    expect(findMarkers(text)).toHaveLength(1);
    expect(result?.dropped).toEqual([{ ref: findMarkers(text)[0]?.ref, original: report }]);
    expect(ruler.count(text)).toBeLessThan(ruler.count(report) / 20);
  });

  it('keeps in full the diagnostics on a line the conversation names', async () => {
    const report = await recordedTscReport();
    const target = report.split('\n').find((line) => line.startsWith('grammars/python-grammar.js(465,'));
    expect(target).toBeDefined();
    const text = compress(report, 'What is wrong at grammars/python-grammar.js(465,29)?')?.text ?? '';
    expect(text).toContain(`  ${target}`);
  });

  it('reads a live tsc report with several kinds, keeping kinds seen once or twice whole', () => {
    const lines = ['export function total(orders: Order[]): number {', '  let sum = 0;'];
    for (let i = 0; i < 12; i++) lines.push(`  sum += orders[${i}].amount * rate${i % 3};`);
    lines.push('  const label: string = sum;', '  return sum.toFixed(2);', '}');
    const report = liveTscReport(lines.join('\n'));
    const reported = report.split('\n').filter((line) => line.includes('): error TS'));
    expect(reported.length).toBeGreaterThanOrEqual(8);
    const text = compress(report)?.text ?? '';
    expect(text).toMatch(/^\d+ diagnostics \(\d+ errors\) in 1 file;/);
    // The two one-off errors (string from number, string return) are kept verbatim.
    for (const line of reported.filter((l) => /TS2322/.test(l))) expect(text).toContain(`  ${line}`);
    // 'Order' and the twelve rate names are one kind, with the names counted.
    const cannotFind = reported.filter((l) => /error TS2304: Cannot find name '/.test(l));
    expect(text).toContain(`${cannotFind.length}x error TS2304: Cannot find name '…'.`);
    expect(text).toContain(`'rate0' x${cannotFind.filter((l) => l.includes("'rate0'")).length}`);
  });

  it("reads gcc's report with each diagnostic's source line and caret", () => {
    const gcc = spawnSync('gcc', ['-fsyntax-only', 'broken-queue.c'], { cwd: FIXTURES, encoding: 'utf8' });
    if (gcc.error !== undefined) {
      console.warn('gcc is not installed: the gcc report test is skipped');
      return;
    }
    const report = gcc.stderr;
    const diagnostics = report
      .split('\n')
      .filter((line) => /^broken-queue\.c:\d+:\d+: (error|note|warning):/.test(line));
    expect(diagnostics.length).toBeGreaterThanOrEqual(8);
    const result = compress(report);
    expect(result).not.toBeNull();
    const text = result?.text ?? '';
    expect(text).toContain(`${diagnostics.length} diagnostics`);
    // The first error comes with the source line and caret gcc printed under it.
    const first = report.split('\n').findIndex((line) => / error: /.test(line));
    expect(text).toContain(`  ${report.split('\n')[first + 1]}`);
    // The marker's count is exact: every line with text, less those shown whole.
    const total = report.split('\n').filter((line) => line.trim() !== '').length;
    const shownWhole = text.split('\n').filter((line) => line.startsWith('  ') && line.trim() !== '').length;
    expect(findMarkers(text)[0]?.description).toBe(
      `${total - shownWhole} of ${total} lines folded into the counts above; the ref holds every line`,
    );
  });

  it("reads rustc's default report, each diagnostic with its place, excerpt and help", () => {
    const rustc = spawnSync(
      'rustc',
      [
        '--edition',
        '2021',
        '--crate-type',
        'bin',
        '-o',
        path.join(os.tmpdir(), 'terse-broken-queue'),
        'broken_queue.rs',
      ],
      { cwd: FIXTURES, encoding: 'utf8' },
    );
    if (rustc.error !== undefined) {
      console.warn('rustc is not installed: the rustc report test is skipped');
      return;
    }
    const report = rustc.stderr;
    const headers = report.split('\n').filter((line) => /^(error|warning)\[E\d{4}\]: /.test(line));
    expect(headers.length).toBeGreaterThanOrEqual(8);
    const text = compress(report)?.text ?? '';
    expect(text).toMatch(new RegExp(`^${headers.length} diagnostics \\(`));
    // `prio` is the field the refactor missed: its kind is counted, with the name.
    const noField = headers.filter((line) => /no field `prio`/.test(line)).length;
    expect(noField).toBeGreaterThan(1);
    expect(text).toContain(`'prio' x`);
    // The first error comes whole: header, place, excerpt.
    const firstPlace = report.split('\n').find((line) => line.includes('--> broken_queue.rs:'));
    expect(text).toContain(`  ${firstPlace}`);
  });

  it("reads javac's report, each error with its source line, caret, symbol and location", () => {
    const javac = spawnSync('javac', ['-d', os.tmpdir(), 'BrokenQueue.java'], { cwd: FIXTURES, encoding: 'utf8' });
    if (javac.error !== undefined) {
      console.warn('javac is not installed: the javac report test is skipped');
      return;
    }
    const report = javac.stderr;
    const errors = report.split('\n').filter((line) => /^BrokenQueue\.java:\d+: error: /.test(line));
    expect(errors.length).toBeGreaterThanOrEqual(8);
    const text = compress(report)?.text ?? '';
    const cannotFind = errors.filter((line) => line.endsWith('error: cannot find symbol')).length;
    expect(text).toContain(`${cannotFind}x error: cannot find symbol (names: 'prio' x3`);
    // javac's closing count is kept as it was printed.
    expect(text).toContain(`${errors.length} errors`);
  });

  it('leaves every other block of every suite to its own compressor: grep hits, logs and tables are not reports', async () => {
    const suites: NamedSuiteBuild[] = [headroomSuite(), await localSuite(), ...(await specSuites())];
    const taken: string[] = [];
    for (const { name, build } of suites) {
      if (build.state !== 'ready') continue;
      for (const block of suiteBlocks(name, build.traces)) {
        if (compress(block.text) !== null) taken.push(`${block.trace}: ${block.text.slice(0, 60)}`);
      }
    }
    expect(taken).toHaveLength(1);
    expect(taken[0]).toContain('local-sre-typescript-build-failure: grammars/go-grammar.js(8,23)');
  });

  it('passes what is not a report, and everything under lossless', async () => {
    const report = await recordedTscReport();
    expect(
      diagnosticsCompressor.compress({ text: report, kind: 'table' }, { profile: 'lossless', ruler, conversation: '' }),
    ).toBeNull();
    expect(compress('src/a.ts:12:const x = 1;\n'.repeat(20))).toBeNull();
    expect(compress('')).toBeNull();
  });
});
