import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../suites/headroom/seeded-random.ts';
import { headroomSuite, localSuite, type NamedSuiteBuild } from '../../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../../testkit/invariants/suite-blocks.ts';
import { identifiersIn, mentionProbe } from './mentioned-identifiers.ts';

/** Every string and number value of every JSON block of the headroom and local suites. */
async function realValues(): Promise<string[]> {
  const values = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') values.add(String(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  const suites: NamedSuiteBuild[] = [headroomSuite(), await localSuite()];
  for (const { name, build } of suites) {
    if (build.state !== 'ready') continue;
    for (const block of suiteBlocks(name, build.traces)) {
      try {
        visit(JSON.parse(block.text));
      } catch {
        // Not JSON: no values to read.
      }
    }
  }
  return [...values];
}

describe('mention probe', () => {
  it('lets through every real value that holds a mentioned identifier, and stops most of the rest', async () => {
    const values = await realValues();
    expect(values.length).toBeGreaterThan(5_000);
    const rng = createSeededRandom(7, 'mention-probe');
    let stopped = 0,
      asked = 0;
    for (let trial = 0; trial < 20; trial++) {
      // A conversation that names a few identifiers taken from the values themselves.
      const mentioned = new Set<string>();
      for (let pick = 0; pick < 1 + trial; pick++)
        for (const id of identifiersIn(values[rng.int(0, values.length - 1)] ?? ''))
          if (rng.next() < 0.5) mentioned.add(id);
      const probe = mentionProbe(mentioned);
      for (const value of values) {
        const hit = [...identifiersIn(value)].some((id) => mentioned.has(id));
        if (hit) expect(probe(value), `${value} holds one of ${[...mentioned].join(' ')}`).toBe(true);
        asked++;
        if (!probe(value)) stopped++;
      }
    }
    expect(stopped / asked).toBeGreaterThan(0.5);
  });
});
