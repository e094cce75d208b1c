import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { headroomSuite } from '../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../testkit/invariants/suite-blocks.ts';
import { DETECTORS } from './detect-single.ts';
import { labelledBlocks } from './labelled-blocks.ts';
import { sampleText } from './sample.ts';

// detectSingle skips a detector whose ceiling cannot beat the best score so far: a ceiling set too
// low would silently change which kind wins.
const HOSTILE = ['', '{}', '[1]', '@@ -1 +1 @@\n+a\n+b', 'a,b\nc,d\ne,f', '<!doctype html><p>x', 'x'.repeat(70_000)];

function texts(): string[] {
  const build = headroomSuite().build;
  const headroom = build.state === 'ready' ? suiteBlocks('headroom', build.traces).map((block) => block.text) : [];
  const labelled = existsSync(environment.sharedDir)
    ? labelledBlocks(environment.sharedDir, environment.projectRoot).map((block) => block.text)
    : [];
  return [...HOSTILE, ...headroom, ...labelled];
}

describe('every detector stays at or under its declared ceiling', () => {
  it('on hostile input, every headroom block and every labelled real block', () => {
    const over: string[] = [];
    for (const text of texts()) {
      const sample = sampleText(text);
      for (const detector of Object.values(DETECTORS)) {
        const score = detector.score(sample);
        if (score > detector.ceiling)
          over.push(`${detector.kind} scored ${score} > ${detector.ceiling} on ${JSON.stringify(text.slice(0, 60))}`);
      }
    }
    expect(over).toEqual([]);
  });
});
