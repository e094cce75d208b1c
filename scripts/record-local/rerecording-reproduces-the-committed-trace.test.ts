import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../src/config.ts';
import { recordSession } from './record-session.ts';
import { codeSearchGrammarRules } from './sessions/code-search-grammar-rules.ts';
import { tracePaths } from './write-recording.ts';

// The cheapest session (ripgrep only, pinned by the lockfile): re-recorded here, it must match the files byte for byte.
describe('re-recording a local session', () => {
  it('reproduces the trace and probe files in traces/local exactly', () => {
    const root = environment.projectRoot;
    const recording = recordSession(codeSearchGrammarRules, root);
    const files = tracePaths(path.join(root, 'traces', 'local'), codeSearchGrammarRules.id);
    expect(recording.traceText).toBe(readFileSync(files.trace, 'utf8'));
    expect(recording.probesText).toBe(readFileSync(files.probes, 'utf8'));
  });
});
