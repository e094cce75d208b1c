import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { headroomSuite } from '../testkit/invariants/invariant-suites.ts';
import { suiteBlocks } from '../testkit/invariants/suite-blocks.ts';
import { DETECTORS } from './detect-single.ts';
import { labelledBlocks } from './labelled-blocks.ts';
import { sampleText } from './sample.ts';

// detectSingle passes the best score so far as a floor: a detector may stop early only when its exact
// score is at most that floor (and then answer at most the floor), or the winning kind would change.
const FLOORS = [-1, 0, 0.3, 0.5, 0.8, 0.85, 0.9, 0.95];

function texts(): string[] {
  const build = headroomSuite().build;
  const headroom = build.state === 'ready' ? suiteBlocks('headroom', build.traces).map((block) => block.text) : [];
  const labelled = existsSync(environment.sharedDir)
    ? labelledBlocks(environment.sharedDir, environment.projectRoot).map((block) => block.text)
    : [];
  return [...headroom, ...labelled];
}

describe('a detector given a floor answers exactly unless its score is at most the floor', () => {
  it('on every headroom block and every labelled real block', () => {
    const wrong: string[] = [];
    for (const text of texts()) {
      const sample = sampleText(text);
      for (const detector of Object.values(DETECTORS)) {
        const exact = detector.score(sample);
        for (const floor of FLOORS) {
          const early = detector.score(sample, floor);
          const fine = early === exact || (exact <= floor && early <= floor);
          if (!fine)
            wrong.push(`${detector.kind} floor ${floor}: ${early} vs ${exact} on ${JSON.stringify(text.slice(0, 60))}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
