import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { lineTimestamp } from '../../detect/log-line-grammar.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { logCompressor } from './log-compressor.ts';

const loghub = path.join(environment.sharedDir, 'corpus', 'loghub');
const ruler = createTokenRuler('o200k_base');

function readLog(system: string): string {
  return readFileSync(path.join(loghub, system, `${system}_2k.log`), 'utf8');
}

/**
 * The records the output shows whole: its lines, plus each repeat a `(same line again at ...)` line
 * lists, rebuilt as the line above it with its timestamp swapped (a shortened time keeps the date).
 */
function shownLines(output: string): string[] {
  const lines = output.split('\n');
  const shown: string[] = [];
  lines.forEach((line, at) => {
    const again = /^ {2}\(same line again at (.+)\)$/.exec(line);
    if (again === null) {
      shown.push(line);
      return;
    }
    const above = lines[at - 1] as string;
    const stamp = lineTimestamp(above) as string;
    const space = stamp.indexOf(' ');
    for (const time of (again[1] as string).split(', ')) {
      const full =
        space > 0 && !time.includes(' ') && time.length < stamp.length ? `${stamp.slice(0, space + 1)}${time}` : time;
      shown.push(above.replace(stamp, full));
    }
  });
  return shown;
}

function compressed(text: string, profile: 'balanced' | 'aggressive'): string {
  const result = expectConformingResult(logCompressor, text, 'log', { profile, ruler, conversation: '' });
  expect(result).not.toBeNull();
  return result?.text ?? '';
}

describe.skipIf(!existsSync(loghub))('log compressor on loghub keeps every error', () => {
  const systems = existsSync(loghub)
    ? readdirSync(loghub)
        .filter((name) => existsSync(path.join(loghub, name, `${name}_2k.log`)))
        .sort()
    : [];

  for (const profile of ['balanced', 'aggressive'] as const) {
    it(`keeps every ERROR/FATAL line of each system, whole (${profile})`, () => {
      for (const system of systems) {
        const text = readLog(system);
        const kept = new Set(shownLines(compressed(text, profile)));
        const severe = text.split('\n').filter((line) => /(?:^|\s)(?:ERROR|FATAL)(?:\s|$)/.test(line));
        for (const line of severe) expect(kept.has(line), `${system}: ${line}`).toBe(true);
      }
    });
  }

  it('keeps every WARN line in balanced, and BGL alert lines in both profiles', () => {
    const hadoop = readLog('Hadoop');
    const kept = new Set(shownLines(compressed(hadoop, 'balanced')));
    for (const line of hadoop.split('\n').filter((l) => / WARN /.test(l))) expect(kept.has(line)).toBe(true);
    const bgl = readLog('BGL');
    for (const profile of ['balanced', 'aggressive'] as const) {
      const bglKept = new Set(shownLines(compressed(bgl, profile)));
      for (const line of bgl.split('\n').filter((l) => l.length > 0 && !l.startsWith('- ')))
        expect(bglKept.has(line)).toBe(true);
    }
  });

  it('keeps the Hadoop RM failure story: first failure, first msra-sa-41:8030 line, count 147', () => {
    const hadoop = readLog('Hadoop');
    const lines = hadoop.split('\n');
    const firstFailure = lines.find((line) => line.includes('ERROR IN CONTACTING RM'));
    const firstAddress = lines.find((line) => line.includes('msra-sa-41:8030'));
    expect(firstFailure?.startsWith('2015-10-18 18:06:01,840')).toBe(true);
    for (const profile of ['balanced', 'aggressive'] as const) {
      const out = compressed(hadoop, profile);
      const kept = out.split('\n');
      expect(kept).toContain(firstFailure);
      expect(kept).toContain(firstAddress);
      const verbatim = shownLines(out).filter(
        (line) => line.includes('ERROR IN CONTACTING RM') && line.startsWith('2015'),
      ).length;
      const counted = [...out.matchAll(/^ {2}(\d+)x .*ERROR IN CONTACTING RM/gm)].map((match) => Number(match[1]));
      expect(counted.every((count) => count === 147)).toBe(true);
      expect(verbatim === 147 || counted.includes(147)).toBe(true);
    }
  });

  it('writes a WARN that repeats but for its timestamp once, its repeats as times under it (Zookeeper)', () => {
    const zookeeper = readLog('Zookeeper');
    const leaving = zookeeper
      .split('\n')
      .filter(
        (line) =>
          line.includes('WARN') &&
          line
            .trimEnd()
            .endsWith('[SendWorker:188978561024:QuorumCnxManager$SendWorker@688] - Send worker leaving thread'),
      );
    expect(leaving.length).toBeGreaterThan(20);
    const out = compressed(zookeeper, 'balanced');
    expect(out.split('\n').filter((line) => leaving.includes(line))).toEqual([leaving[0]]);
    expect(shownLines(out).filter((line) => leaving.includes(line))).toEqual(leaving);
    // The WARN storm is most of this log: written as times, it costs under half its tokens.
    expect(ruler.count(out)).toBeLessThan(ruler.count(zookeeper) / 2);
  });

  it('shrinks every system in both profiles, aggressive at least as much as balanced', () => {
    for (const system of systems) {
      const text = readLog(system);
      const balanced = ruler.count(compressed(text, 'balanced'));
      const aggressive = ruler.count(compressed(text, 'aggressive'));
      expect(balanced).toBeLessThan(ruler.count(text));
      expect(aggressive).toBeLessThanOrEqual(balanced);
    }
  });
});
