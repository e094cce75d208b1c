import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { JsonObject, Profile } from '../../types.ts';
import { decodeColumnar } from './columnar-format.ts';
import { jsonCompressor } from './json-compressor.ts';
import { SAMPLING_PLANS } from './sample-value.ts';
import { readReferenceToolResults, referenceDir } from '../../testkit/json/reference-tool-results.ts';

const ruler = createTokenRuler('o200k_base');
const lossyProfiles: Exclude<Profile, 'lossless'>[] = ['balanced', 'aggressive'];

function keptEntries(text: string): JsonObject[] {
  const decoded = decodeColumnar(text);
  if (!decoded.ok) throw new Error(decoded.error);
  const value = decoded.value as { entries?: JsonObject[] } | JsonObject[];
  return Array.isArray(value) ? value : (value.entries ?? []);
}

describe.skipIf(!existsSync(referenceDir))('json compressor keeps every error row of the SRE logs', () => {
  const logs = readReferenceToolResults().filter((result) => result.text.includes('"level": "ERROR"'));

  for (const profile of lossyProfiles) {
    it(`${profile}: every ERROR entry survives; WARN entries only fill the sampling budget`, () => {
      expect(logs.length).toBeGreaterThan(0);
      for (const log of logs) {
        const entries = (JSON.parse(log.text) as { entries: JsonObject[] }).entries;
        const errors = entries.filter((entry) => entry.level === 'ERROR');
        const output = jsonCompressor.compress({ text: log.text, kind: 'json' }, { profile, ruler, conversation: '' });
        expect(output?.lossy).toBe(true);
        const kept = keptEntries(output?.text ?? '');
        expect(kept.length).toBeLessThan(entries.length);
        for (const entry of errors) expect(kept).toContainEqual(entry);
        for (const entry of kept) expect(entries).toContainEqual(entry);
        expect(kept.filter((entry) => entry.level !== 'ERROR').length).toBeLessThanOrEqual(
          SAMPLING_PLANS[profile].budget,
        );
      }
    });
  }
});

describe('json compressor keeps the one FATAL needle', () => {
  const services = ['auth', 'billing', 'search', 'mail'];
  const logs = Array.from({ length: 100 }, (_, index) => ({
    ts: `2024-03-01T12:${String(Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}Z`,
    level: index === 67 ? 'FATAL' : 'INFO',
    service: services[index % services.length],
    msg: index === 67 ? 'disk /var/lib/db is full' : `request ${1000 + index} served`,
    latency_ms: 40 + (index % 7),
  }));

  for (const profile of lossyProfiles) {
    it(`${profile}: keeps index 67 among ${SAMPLING_PLANS[profile].budget} rows`, () => {
      const text = JSON.stringify(logs, null, 2);
      const output = jsonCompressor.compress({ text, kind: 'json' }, { profile, ruler, conversation: '' });
      const kept = keptEntries(output?.text ?? '');
      expect(kept).toContainEqual(logs[67]);
      expect(kept[0]).toEqual(logs[0]);
      expect(kept[kept.length - 1]).toEqual(logs[99]);
      expect(output?.text).toMatch(
        /\[\[terse:[0-9a-f]{16} \d+ of 100 rows omitted \(items [^)]+\); retrieve with query\]\]/,
      );
    });
  }
});
