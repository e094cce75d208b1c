import { describe, expect, it } from 'vitest';
import type { Compressor, CompressInput } from '../../compressors/compressor.ts';
import { contentRef, formatMarker } from '../../store/marker.ts';
import { CONTENT_KINDS, type Profile } from '../../types.ts';
import type { CompressorRegistry } from '../compressor-registry.ts';
import { createEngine } from '../create-engine.ts';
import { checkBlockInvariants, type InvariantName } from '../../testkit/invariants/check-block-invariants.ts';
import { headroomSuite } from '../../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../../testkit/invariants/suite-blocks.ts';

/** A real tool result of many lines: the first such block of the headroom suite. */
const build = headroomSuite().build;
const block =
  build.state === 'ready'
    ? suiteBlocks('headroom', build.traces).find((b) => b.text.split('\n').length > 500)
    : undefined;
const text = block?.text ?? '';

function registryOf(compressor: Compressor): CompressorRegistry {
  const only = [compressor];
  return {
    json: only,
    code: only,
    log: only,
    search: only,
    diff: only,
    html: only,
    table: only,
    text: only,
    mixed: [],
  };
}

/** Keeps the first half of the lines and marks the rest; `original` says what it claims to have dropped. */
function halver(name: string, original: (input: CompressInput) => string, calls: CompressInput[] = []): Compressor {
  return {
    name,
    kinds: [...CONTENT_KINDS],
    compress(input) {
      calls.push(input);
      const lines = input.text.split('\n');
      const kept = lines.slice(0, Math.ceil(lines.length / 2));
      const dropped = original(input);
      const ref = contentRef(dropped);
      return {
        text: `${kept.join('\n')}\n${formatMarker(ref, `${lines.length - kept.length} lines omitted`)}`,
        lossy: true,
        dropped: [{ ref, original: dropped }],
      };
    },
  };
}

async function violationsWith(compressor: Compressor, profile: Profile = 'balanced'): Promise<InvariantName[]> {
  const setup = await createEngine({ profile, registry: registryOf(compressor) });
  const check = await checkBlockInvariants(text, setup, '');
  return [...new Set(check.violations.map((v) => v.invariant))];
}

describe('checkBlockInvariants on compressors broken on purpose', () => {
  it('has a real block to work on', () => {
    expect(text.length).toBeGreaterThan(10_000);
  });

  it('names only idempotent for an unmarked rewrite that halves whatever it is given', async () => {
    // Halving again halves what is left. (A lossy compressor's output carries a marker, and the engine
    // never compresses marked text again, so only an unmarked rewrite can break idempotence.)
    const calls: CompressInput[] = [];
    const squeezer: Compressor = {
      name: 'squeezer',
      kinds: [...CONTENT_KINDS],
      compress(input) {
        calls.push(input);
        const lines = input.text.split('\n');
        return lines.length < 4
          ? null
          : { text: lines.slice(0, Math.ceil(lines.length / 2)).join('\n'), lossy: false, dropped: [] };
      },
    };
    expect(await violationsWith(squeezer)).toEqual(['idempotent']);
    expect(calls.length).toBe(3);
  });

  it('never compresses a lossy output again, whatever the compressor would do', async () => {
    const calls: CompressInput[] = [];
    expect(await violationsWith(halver('halver', (input) => input.text, calls))).toEqual([]);
    expect(calls.length).toBe(2);
  });

  it('names markers-resolve when the dropped original is not the block text', async () => {
    const partial = halver('partial', (input) => input.text.slice(input.text.length / 2));
    expect(await violationsWith(partial)).toContain('markers-resolve');
  });

  it('names deterministic when the same block compresses two ways', async () => {
    let runs = 0;
    const flaky: Compressor = {
      name: 'flaky',
      kinds: [...CONTENT_KINDS],
      compress: (input) =>
        runs++ % 2 === 0 ? { text: input.text.slice(0, input.text.length / 2), lossy: false, dropped: [] } : null,
    };
    expect(await violationsWith(flaky)).toContain('deterministic');
  });

  it('names lossless-no-marker when a lossy result comes back under the lossless profile', async () => {
    expect(
      await violationsWith(
        halver('halver', (input) => input.text),
        'lossless',
      ),
    ).toContain('lossless-no-marker');
  });

  it('lists a throwing compressor as a fail-open failure, not as the engine throwing', async () => {
    const thrower: Compressor = {
      name: 'thrower',
      kinds: [...CONTENT_KINDS],
      compress: () => {
        throw new Error('boom');
      },
    };
    const setup = await createEngine({ registry: registryOf(thrower) });
    const check = await checkBlockInvariants(text, setup, '');
    expect(check.violations).toEqual([]);
    expect(check.failures).toEqual(['thrower: boom', 'thrower: boom']);
  });
});
