import { describe, expect, it } from 'vitest';
import { SMOKE_RUN } from './__fixtures__/smoke-run-result.ts';
import { formatCount, formatMilliseconds, formatReduction } from './format-figures.ts';
import { renderSummaryMarkdown, renderSummaryTable } from './render-markdown.ts';
import { summarize } from './summarize.ts';
import type { Summary } from './summary.ts';

const summary = summarize(SMOKE_RUN);

describe('figures', () => {
  it('group thousands and show reductions with one decimal', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatReduction(0.9214)).toBe('92.1%');
    expect(formatReduction(-0.00001)).toBe('0.0%');
    expect(formatReduction(-0.052)).toBe('-5.2%');
    expect(formatMilliseconds(1234.5)).toBe('1,234.50');
  });
});

describe('renderSummaryTable', () => {
  it('renders one row per suite, workload and config', () => {
    const lines = renderSummaryTable(summary).split('\n');
    expect(lines[0]).toBe(
      '| suite | workload | config | traces | tokens before -> after | reduction | effective | tool output | probes | survived | retrieved | lost | lost at end | fabricated | retrieval calls |',
    );
    expect(lines).toHaveLength(2 + summary.workloads.length);
    expect(lines).toContain(
      '| smoke | code-search | json-minify | 2 | 48,120 -> 30,280 | 37.1% | 36.2% | 47.6% | 3 | 1 | 1 | 1 | 1 | 1 | 1 |',
    );
  });

  it('adds published figures beside ours when given, and a dash where none was published', () => {
    const table = renderSummaryTable(summary, {
      published: { smoke: { 'code-search': { before: 120_000, after: 9_500 } } },
    });
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/\| published before -> after \(reduction\) \|$/);
    expect(lines).toContain(
      '| smoke | code-search | none | 2 | 48,120 -> 48,120 | 0.0% | 0.0% | 0.0% | 3 | 3 | 0 | 0 | 0 | 0 | 0 | 120,000 -> 9,500 (92.1%) |',
    );
    expect(lines).toContain(
      '| smoke | sre | none | 1 | 22,630 -> 22,630 | 0.0% | 0.0% | 0.0% | 1 | 1 | 0 | 0 | 0 | 0 | 0 | — |',
    );
  });

  it('escapes pipes in names so a cell cannot split', () => {
    const odd: Summary = { ...summary, workloads: [{ ...summary.workloads[0]!, config: 'a|b' }] };
    expect(renderSummaryTable(odd)).toContain('| a\\|b |');
  });
});

describe('renderSummaryMarkdown', () => {
  const markdown = renderSummaryMarkdown(summary);

  it('opens with the run id, git sha, node and tokenizer', () => {
    expect(markdown.split('\n')[0]).toBe(
      '# terse bench `2026-11-25T154023Z-a1b2c3d` · git `a1b2c3d` · node v20.19.5 · tokenizer o200k_base',
    );
  });

  it('has a table per suite, then the per-trace table, the volatile values, then the errors', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Suite `smoke`',
      '## Suite `swe`',
      '## Probe screening',
      '## Where tool-output tokens remain (`json-minify`)',
      '## Per trace',
      '## Volatile values in system prompts and tool definitions',
      '## Errors',
    ]);
    expect(markdown).toContain('| smoke | cs-ripgrep-auth | 1 | date:2025-06-01 |');
    expect(markdown).toContain('| smoke | 9 | 2 | 1 | 1 | 2 | 8 |');
    expect(markdown).toContain(
      '| smoke | code-search | cs-ripgrep-auth | json-minify | 4 | 35,700 -> 20,505 | 42.6% | 41.4% | 29,030 -> 13,835 | 2.75 | 4.49 | 2 | 1 | 1 | 0 | 1 | 0 | 1 | 1 |',
    );
    expect(markdown).toContain('1 pair failed; the tables above leave them out.');
    expect(markdown).toContain(
      '| sre-oom-kill | json-minify | InvalidRequestError: request field messages[4].content: expected an array of blocks |',
    );
  });

  it('says so when no pair replayed', () => {
    const empty = renderSummaryMarkdown({ ...summary, results: [], workloads: [], errors: [] });
    expect(empty).toContain('No (trace, config) pair replayed without error.');
    expect(empty).not.toContain('## Per trace');
  });
});
