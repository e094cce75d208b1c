import { describe, expect, it } from 'vitest';
import type { Compressor } from '../compressors/compressor.ts';
import { dropInput } from '../compressors/lossy-result.ts';
import { CONTENT_KINDS } from '../types.ts';
import { compressText } from './compress-text.ts';
import type { CompressorRegistry } from './compressor-registry.ts';
import { createEngine } from './create-engine.ts';
import { headroomSuite } from '../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../testkit/invariants/suite-blocks.ts';

/** A real tool result of many lines: the first such block of the headroom suite. */
const build = headroomSuite().build;
const text =
  (build.state === 'ready'
    ? suiteBlocks('headroom', build.traces).find((b) => b.text.split('\n').length > 500)?.text
    : undefined) ?? '';

function registryOf(...compressors: Compressor[]): CompressorRegistry {
  return {
    json: compressors,
    code: compressors,
    log: compressors,
    search: compressors,
    diff: compressors,
    html: compressors,
    table: compressors,
    text: compressors,
    mixed: [],
  };
}

const thrower = (name: string): Compressor => ({
  name,
  kinds: [...CONTENT_KINDS],
  compress: () => {
    throw new Error(`${name} broke`);
  },
});
/** Returns its input twice over: larger, which the engine must never send. */
const doubler: Compressor = {
  name: 'doubler',
  kinds: [...CONTENT_KINDS],
  compress: (input) => ({ text: `${input.text}\n${input.text}`, lossy: false, dropped: [] }),
};
/** Keeps the first half of the lines and marks the rest. */
const halver: Compressor = {
  name: 'halver',
  kinds: [...CONTENT_KINDS],
  compress(input) {
    const lines = input.text.split('\n');
    const drop = dropInput(input.text);
    return drop.result(`${lines.slice(0, lines.length / 2).join('\n')}\n${drop.marker('second half omitted')}`);
  },
};

describe('the engine holds every compressor to the contract', () => {
  it('has a real block to work on', () => {
    expect(text.length).toBeGreaterThan(10_000);
  });

  it('records a compressor that throws, passes over one that grows the block, and keeps the next real gain', async () => {
    const setup = await createEngine({ registry: registryOf(thrower('first'), doubler, halver) });
    const outcome = await compressText(text, setup);
    expect(outcome.state).toBe('compressed');
    if (outcome.state !== 'compressed') return;
    expect(outcome.compressor).toBe('halver');
    expect(outcome.faults).toEqual([{ compressor: 'first', error: 'first broke' }]);
    expect(outcome.tokensAfter).toBeLessThan(outcome.tokensBefore);
  });

  it('passes a block no compressor shrinks, without a fault to report', async () => {
    const outcome = await compressText(text, await createEngine({ registry: registryOf(doubler) }));
    expect(outcome).toMatchObject({ state: 'passed', reason: 'no-gain', tokensAfter: outcome.tokensBefore });
  });

  it('fails the block open, naming every compressor that threw and why, when all of them did', async () => {
    const outcome = await compressText(
      text,
      await createEngine({ registry: registryOf(thrower('first'), doubler, thrower('second')) }),
    );
    expect(outcome).toMatchObject({
      state: 'failed',
      compressor: 'first+second',
      error: 'first: first broke; second: second broke',
    });
  });
});
