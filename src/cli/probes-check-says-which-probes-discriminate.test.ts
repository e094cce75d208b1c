import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { sourceCli } from './source-cli.ts';

const terseCli = sourceCli(environment.projectRoot);
const TRACE = path.join(environment.projectRoot, 'traces', 'local', 'local-sre-npm-offline-install.jsonl');
const PROBES = path.join(environment.projectRoot, 'traces', 'local', 'local-sre-npm-offline-install.probes.jsonl');

describe('terse probes check', () => {
  it('says of each probe whether its answer sits only in tool output, and where else when not', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-probes-'));
    // The recorded probes, plus one whose answer the task itself states: it cannot tell configs apart.
    const task = 'string-width';
    const probes = `${readFileSync(PROBES, 'utf8')}${JSON.stringify({
      trace: 'local-sre-npm-offline-install',
      id: 'task-named',
      question: 'Which package is installed from a tarball?',
      answers: [task],
      kind: 'exact',
      evidence: { turn: 4 },
    })}\n`;
    const file = path.join(dir, 'probes.jsonl');
    writeFileSync(file, probes);
    const run = spawnSync(process.execPath, [...terseCli, 'probes', 'check', file, TRACE], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('| probe | kind | discriminating | answer also in | ambiguous |');
    expect(lines).toContain('| task-named | exact | no | user text | yes |');
    expect(lines).toContain('| local-sre-npm-offline-install/exact-1 | exact | yes | — | no |');
    expect(lines).toContain('| local-sre-npm-offline-install/negative-1 | negative | — | — | — |');
    expect(lines[lines.length - 1]).toBe(
      '10 probes check against 1 traces; 7 of 8 scored offline discriminate (1 have their answer outside tool output), 2 ambiguous',
    );
  });
});
