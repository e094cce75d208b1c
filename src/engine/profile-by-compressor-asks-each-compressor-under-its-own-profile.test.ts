import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import type { Profile } from '../types.ts';
import { compressText } from './compress-text.ts';
import { createEngine } from './create-engine.ts';
import type { EngineOptions } from './engine-options.ts';

const loghub = path.join(environment.sharedDir, 'corpus', 'loghub');
const systems = existsSync(loghub)
  ? readdirSync(loghub)
      .filter((name) => existsSync(path.join(loghub, name, `${name}_2k.log`)))
      .sort()
  : [];

async function outcome(text: string, options: Partial<EngineOptions>) {
  return compressText(text, await createEngine(options));
}

describe.skipIf(systems.length === 0)('profileByCompressor on real loghub logs', () => {
  it('folds a log under balanced exactly as the aggressive engine does when the log compressor is named aggressive', async () => {
    let differs = 0;
    for (const system of systems) {
      const text = readFileSync(path.join(loghub, system, `${system}_2k.log`), 'utf8');
      const aggressive = await outcome(text, { profile: 'aggressive' });
      const tuned = await outcome(text, { profile: 'balanced', profileByCompressor: { log: 'aggressive' } });
      const balanced = await outcome(text, { profile: 'balanced' });
      if (aggressive.state !== 'compressed' || aggressive.compressor !== 'log') continue;
      expect(tuned, system).toMatchObject({ state: 'compressed', compressor: 'log', text: aggressive.text });
      if (balanced.state === 'compressed' && balanced.text !== aggressive.text) differs++;
    }
    // Otherwise the option could be a no-op and this test would still pass.
    expect(differs).toBeGreaterThan(2);
  });

  it('drops nothing from a log the balanced log compressor folded when it is named lossless', async () => {
    const lossless: Profile = 'lossless';
    let folded = 0;
    for (const system of systems) {
      const text = readFileSync(path.join(loghub, system, `${system}_2k.log`), 'utf8');
      const balanced = await outcome(text, { profile: 'balanced' });
      if (balanced.state !== 'compressed' || balanced.compressor !== 'log' || !balanced.lossy) continue;
      folded++;
      const result = await outcome(text, { profile: 'balanced', profileByCompressor: { log: lossless } });
      expect(result.state === 'compressed' && result.lossy, `${system}`).toBe(false);
    }
    expect(folded).toBeGreaterThan(2);
  });
});
