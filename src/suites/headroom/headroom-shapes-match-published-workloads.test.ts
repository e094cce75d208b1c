/** Each generated tool result has the shape WORKLOADS.md gives for the published Headroom workloads. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../types.ts';
import type { Trace } from '../../bench/trace.ts';
import { HEADROOM_BUILDERS } from './build-headroom-suite.ts';
import { buildNeedleTrace, NEEDLE_INDEX } from './needle-workload.ts';
import type { DirectoryNode } from './directory-tree.ts';
import type { FileHit } from './file-search.ts';
import type { CodeSearchItem } from './github-code-search.ts';
import type { Issue } from './github-issues.ts';
import type { MetricRow } from './metrics-query.ts';
import { traceMessages } from './probe-writer.ts';
import { pythonJsonDumps } from './python-json.ts';
import type { ReactHit } from './react-code-search.ts';
import type { LogEntry } from './service-logs.ts';

type Logs = { returned: number; entries: LogEntry[] };
type Files = { matches: FileHit[] };
type Code = { items: CodeSearchItem[] };
type Metrics = { columns: string[]; rows: MetricRow[] };

/** Tool result texts of a trace, in order (OpenAI tool messages or Anthropic tool_result blocks). */
function toolResults(trace: Trace): string[] {
  return traceMessages(trace).flatMap((message: JsonObject) => {
    if (message.role === 'tool' && typeof message.content === 'string') return [message.content];
    if (!Array.isArray(message.content)) return [];
    return message.content.flatMap((block) =>
      block !== null &&
      typeof block === 'object' &&
      !Array.isArray(block) &&
      block.type === 'tool_result' &&
      typeof block.content === 'string'
        ? [block.content]
        : [],
    );
  });
}

/** The parsed tool results of a trace, typed as the caller expects them to be. */
function parsed<T extends unknown[]>(trace: Trace): T {
  return toolResults(trace).map((text) => JSON.parse(text) as unknown) as T;
}

const keys = (value: object): string[] => Object.keys(value);
const LOG_KEYS = ['timestamp', 'level', 'service', 'message', 'trace_id', 'metadata'];

function expectLogs(result: Logs, count: number): void {
  expect(result.returned).toBe(count);
  expect(result.entries).toHaveLength(count);
  for (const entry of result.entries) {
    expect(keys(entry)).toEqual(LOG_KEYS);
    expect(keys(entry.metadata)).toEqual(['host', 'region']);
  }
  const levels: string[] = result.entries.map((entry) => entry.level);
  const info = levels.filter((level) => level === 'INFO').length;
  expect(info / count).toBeGreaterThan(0.45);
  for (const level of ['WARN', 'ERROR', 'DEBUG']) expect(levels).toContain(level);
}

function expectCodeSearch(result: Code, count: number): void {
  expect(result.items).toHaveLength(count);
  for (const item of result.items) {
    expect(keys(item)).toEqual(['repository', 'path', 'sha', 'url', 'score', 'text_matches']);
    expect(keys(item.repository)).toEqual(['full_name', 'description', 'stars', 'language', 'updated_at']);
    expect(item.sha).toMatch(/^[0-9a-f]{40}$/);
    const [textMatch] = item.text_matches;
    const [match] = textMatch?.matches ?? [];
    expect(textMatch?.fragment.slice(match?.indices[0], match?.indices[1])).toBe(match?.text);
  }
}

function expectFileSearch(result: Files, count: number): void {
  expect(result.matches).toHaveLength(count);
  for (const hit of result.matches) {
    expect(keys(hit)).toEqual(['path', 'type', 'size', 'modified', 'matches', 'score']);
    for (const match of hit.matches)
      expect(keys(match)).toEqual(['line', 'content', 'context_before', 'context_after']);
  }
}

describe.each([0, 1, 2])('headroom shapes, seed %i', (seed) => {
  it('code search: 100 compact hits over five components, score falling 0.005 a hit', () => {
    const { trace } = HEADROOM_BUILDERS['code-search'](seed, 'final');
    const [text] = toolResults(trace);
    expect(text).not.toContain('\n');
    const hits = JSON.parse(text ?? '') as ReactHit[];
    expect(pythonJsonDumps(hits)).toBe(text);
    expect(hits).toHaveLength(100);
    expect(new Set(hits.map((hit) => hit.file)).size).toBe(5);
    hits.forEach((hit, i) => {
      expect(keys(hit)).toEqual([
        'file',
        'line',
        'content',
        'language',
        'repository',
        'branch',
        'last_modified',
        'author',
        'match_score',
        'context',
        'metadata',
      ]);
      expect(hit.file).toBe(hits[i % 5]?.file);
      expect(hit.match_score).toBeCloseTo(0.95 - i * 0.005, 10);
      expect(hit.context.before).toHaveLength(2);
      expect(hit.context.after).toHaveLength(2);
      expect(keys(hit.metadata)).toEqual(['size_bytes', 'encoding', 'mime_type']);
    });
  });

  it('sre: 300 log entries, 200 metric rows of 9 columns with a few outliers, 150 file hits', () => {
    const { trace } = HEADROOM_BUILDERS.sre(seed, 'final');
    const [logs, metrics, files] = parsed<[Logs, Metrics, Files]>(trace);
    for (const text of toolResults(trace)) expect(pythonJsonDumps(JSON.parse(text) as JsonObject, 2)).toBe(text);
    expectLogs(logs, 300);
    expect(metrics.columns).toHaveLength(9);
    expect(metrics.rows).toHaveLength(200);
    for (const row of metrics.rows) expect(keys(row)).toEqual(metrics.columns);
    const outliers = metrics.rows.filter((row) => row.p99_ms > 4000).length;
    expect(outliers).toBeGreaterThanOrEqual(2);
    expect(outliers).toBeLessThanOrEqual(20);
    expectFileSearch(files, 150);
  });

  it('issue triage: 100 issues, 80 code search results, 200 log entries', () => {
    const { trace } = HEADROOM_BUILDERS['issue-triage'](seed, 'final');
    const [issues, code, logs] = parsed<[{ items: Issue[] }, Code, Logs]>(trace);
    expect(issues.items).toHaveLength(100);
    for (const issue of issues.items) {
      expect(keys(issue)).toEqual([
        'number',
        'title',
        'state',
        'user',
        'labels',
        'created_at',
        'updated_at',
        'comments',
        'body',
      ]);
      expect(issue.body).toMatch(/^## /);
    }
    expectCodeSearch(code, 80);
    expectLogs(logs, 200);
  });

  it('exploration: a three-level tree of 20 files a directory, 200 file hits, 100 code results', () => {
    const { trace } = HEADROOM_BUILDERS.exploration(seed, 'final');
    const [tree, files, code] = parsed<[DirectoryNode, Files, Code]>(trace);
    const walk = (node: DirectoryNode, depth: number): void => {
      const children = node.children;
      const dirs = children.filter((child): child is DirectoryNode => child.type === 'directory');
      expect(children.filter((child) => child.type === 'file')).toHaveLength(20);
      if (depth < 2) expect(dirs.length).toBeGreaterThanOrEqual(2);
      expect(dirs.length).toBeLessThanOrEqual(depth < 2 ? 5 : 0);
      for (const dir of dirs) walk(dir, depth + 1);
    };
    walk(tree, 0);
    expectFileSearch(files, 200);
    expectCodeSearch(code, 100);
  });

  it('needle: 100 records, the only FATAL at index 67', () => {
    const { trace } = buildNeedleTrace(seed, 'final');
    const [logs] = parsed<[Logs]>(trace);
    const entries = logs.entries;
    expect(entries).toHaveLength(100);
    expect(entries.flatMap((entry, i) => (entry.level === 'FATAL' ? [i] : []))).toEqual([NEEDLE_INDEX]);
    expect(toolResults(trace)[0]?.split('FATAL')).toHaveLength(2);
  });
});
