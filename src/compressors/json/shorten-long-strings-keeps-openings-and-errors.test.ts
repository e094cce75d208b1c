import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSwebenchIssues, type TrackerIssue } from '../../suites/corpus/swebench-issues.ts';
import { environment } from '../../config.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import type { JsonValue } from '../../types.ts';
import { shortenLongStrings, shortenString, STRING_PLANS } from './shorten-long-strings.ts';

const dir = path.join(environment.sharedDir, 'corpus', 'swebench-issues');
const ERROR_LINE = /^\s*\w*(?:Error|Exception): .+$/m;

/** Every line the short form shows (markers and ellipses aside) is a line of the original, in order. */
function keptInOrder(original: string, short: string): boolean {
  let from = 0;
  for (const line of short.split('\n')) {
    const text = line
      .replace(/\s*… \[\[terse:.*\]\]$/, '')
      .replace(/^…$/, '')
      .replace(/…$/, '')
      .trim();
    if (text === '') continue;
    const at = original.indexOf(text, from);
    if (at < 0) return false;
    from = at + text.length;
  }
  return true;
}

describe.skipIf(!existsSync(dir))('shortening long strings on real SWE-bench issue bodies', () => {
  let issues: TrackerIssue[] = [];
  const load = async (): Promise<TrackerIssue[]> =>
    issues.length > 0 ? issues : (issues = await readSwebenchIssues(dir, 'swebench_lite_dev.json'));

  it("keeps each long body's opening, its error lines and an exact count of what it left out", async () => {
    const bodies = (await load())
      .map((issue) => issue.body)
      .filter((body) => body.length > STRING_PLANS.balanced.value.maxChars);
    expect(bodies.length).toBeGreaterThan(10);
    let shortened = 0;
    for (const body of bodies) {
      const ref = contentRef(body);
      const short = shortenString(body, STRING_PLANS.balanced.value, new Set(), ref);
      if (short === body) continue;
      shortened++;
      expect(short.length).toBeLessThan(body.length);
      expect(short.startsWith(body.slice(0, 40).trimEnd())).toBe(true);
      expect(keptInOrder(body, short)).toBe(true);
      const markers = findMarkers(short);
      expect(markers.map((m) => m.ref)).toEqual([ref]);
      const [, omitted, total] = /^(\d+) of (\d+) chars/.exec(markers[0]?.description ?? '') ?? [];
      expect(Number(total)).toBe(body.length);
      expect(Number(omitted)).toBeGreaterThanOrEqual(300);
      const error = ERROR_LINE.exec(body)?.[0].trim();
      if (error !== undefined && error.length <= 240) expect(short).toContain(error);
    }
    expect(shortened).toBeGreaterThan(bodies.length / 2);
  });

  it('keeps lines naming what the conversation mentions, and is deterministic', async () => {
    // A name the body only shows far past its opening, on a line that reports no error.
    const late = (body: string): string | undefined =>
      body
        .slice(1_500)
        .split('\n')
        .filter((line) => !/error|exception|traceback/i.test(line))
        .map((line) => /\b([a-z]+_[a-z_]+)\b/.exec(line)?.[1])
        .find((n) => n !== undefined && !body.slice(0, 1_500).includes(n));
    const issue = (await load()).find((i) => i.body.length > 2_000 && late(i.body) !== undefined);
    expect(issue).toBeDefined();
    if (issue === undefined) return;
    const name = late(issue.body) ?? '';
    const ref = contentRef(issue.body);
    const plain = shortenString(issue.body, STRING_PLANS.balanced.value, new Set(), ref);
    const told = shortenString(issue.body, STRING_PLANS.balanced.value, new Set([name]), ref);
    expect(plain).not.toContain(name);
    expect(told).toContain(name);
    expect(shortenString(issue.body, STRING_PLANS.balanced.value, new Set([name]), ref)).toBe(told);
  });

  it('shortens strings anywhere in a value, leaves keys, short strings and untouched subtrees as they were', async () => {
    const list: JsonValue = (await load())
      .slice(0, 20)
      .map((i) => ({ number: i.number, title: i.title, body: i.body, labels: [...i.labels] }));
    const { value, shortened } = shortenLongStrings(list, STRING_PLANS.balanced, new Set(), 'ab'.repeat(8));
    expect(shortened).toBeGreaterThan(0);
    expect(Array.isArray(value)).toBe(true);
    const before = list as { number: number; title: string; body: string; labels: string[] }[];
    const after = value as typeof before;
    expect(after.map((i) => i.number)).toEqual(before.map((i) => i.number));
    expect(after.map((i) => i.title)).toEqual(before.map((i) => i.title));
    for (const [index, item] of after.entries()) {
      const original = before[index];
      if (original === undefined) continue;
      // A list of issues is a table: its rows' bodies get the table-cell plan.
      if (original.body.length <= STRING_PLANS.balanced.tableCell.maxChars) expect(item).toBe(original);
      expect(item.labels).toBe(original.labels);
    }
    // The first marker says how to get the rest; the others, with the same ref, only how much.
    const descriptions = findMarkers(JSON.stringify(value)).map((marker) => marker.description);
    expect(descriptions.length).toBe(shortened);
    expect(descriptions[0]).toMatch(/^\d+ of \d+ chars of this value omitted; retrieve with query$/);
    for (const description of descriptions.slice(1)) expect(description).toMatch(/^\d+ of \d+ chars omitted$/);
  });

  it('keeps a shorter opening of a body in a row of a list than of the same body standing alone', async () => {
    const issues = (await load())
      .filter((issue) => issue.body.length > STRING_PLANS.balanced.value.maxChars)
      .slice(0, 5);
    expect(issues.length).toBe(5);
    const rows = issues.map((issue) => ({ number: issue.number, title: issue.title, body: issue.body }));
    const listed = shortenLongStrings(rows, STRING_PLANS.balanced, new Set(), 'ab'.repeat(8)).value as typeof rows;
    for (const [index, issue] of issues.entries()) {
      const alone = shortenLongStrings(
        { number: issue.number, body: issue.body },
        STRING_PLANS.balanced,
        new Set(),
        'ab'.repeat(8),
      ).value as { body: string };
      expect(listed[index]?.body.length).toBeLessThan(alone.body.length);
      expect(keptInOrder(issue.body, listed[index]?.body ?? '')).toBe(true);
    }
  });
});
