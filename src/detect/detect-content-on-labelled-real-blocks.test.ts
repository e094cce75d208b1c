import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { measureDetection } from './detection-accuracy.ts';
import { labelledBlocks } from './labelled-blocks.ts';

describe.skipIf(!existsSync(environment.sharedDir))('detectContent on real blocks labelled by their source', () => {
  const blocks = labelledBlocks(environment.sharedDir, environment.projectRoot);

  it('has at least 200 labelled blocks covering every kind but html', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(blocks.flatMap((block) => block.accepted));
    for (const kind of ['json', 'code', 'log', 'search', 'diff', 'table', 'text', 'mixed'] as const)
      expect(kinds).toContain(kind);
  });

  it('detects at least 95% of them as their source says, and names the language of 90% of code', () => {
    const result = measureDetection(blocks);
    expect(result.correct / result.total, JSON.stringify(result.misses.slice(0, 20))).toBeGreaterThanOrEqual(0.95);
    expect(result.languageCorrect / result.languageTotal).toBeGreaterThanOrEqual(0.9);
  });
});
