/**
 * Proves a change left every engine output byte-identical (`npx tsx
 * scripts/engine-bench/output-fingerprint.ts [list-file]`): each compressible block of the headroom
 * and local suites goes through `compressText` under every profile, and every request of both suites
 * through `compressRequest`; one sha256 per profile is printed. With a file argument, one line per
 * block and request (`profile label sha256`) is written there, so two runs can be diffed to name
 * the culprit.
 */
import { writeFileSync } from 'node:fs';
import { headroomSuite, localSuite } from '../../src/testkit/invariants/invariant-suites.ts';
import { digestOf, outputFingerprints } from '../../src/testkit/invariants/output-fingerprints.ts';
import type { Profile } from '../../src/types.ts';

const PROFILES: readonly Profile[] = ['balanced', 'lossless', 'aggressive'];

const suites = [headroomSuite(), await localSuite()];
const all: string[] = [];
for (const profile of PROFILES) {
  const started = performance.now();
  const fingerprints = await outputFingerprints(profile, suites);
  all.push(...fingerprints.map((fingerprint) => fingerprint.line));
  console.log(
    `${profile.padEnd(10)} ${digestOf(fingerprints)} (${fingerprints.length} outputs, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
const listFile = process.argv[2];
if (listFile !== undefined) writeFileSync(listFile, `${all.join('\n')}\n`);
