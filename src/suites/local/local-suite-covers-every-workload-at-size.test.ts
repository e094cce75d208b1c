import { statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { environment } from '../../config.ts';
import { buildLocalSuite, LOCAL_TRACES_FOLDER } from './build-local-suite.ts';
import { finalRequestMessageTokens } from './final-request-tokens.ts';

const LOCAL_TRACES_DIR = path.join(environment.projectRoot, LOCAL_TRACES_FOLDER);
const suite = await buildLocalSuite(LOCAL_TRACES_DIR);
const WORKLOADS = ['code-search', 'exploration', 'sre', 'issue-triage'] as const;

describe('local suite size and coverage', () => {
  it('holds at least three Anthropic traces per workload', () => {
    for (const workload of WORKLOADS) {
      expect(suite.traces.filter((t) => t.header.workload === workload).length, workload).toBeGreaterThanOrEqual(3);
    }
    expect(suite.traces.every((t) => t.header.provider === 'anthropic')).toBe(true);
  });

  it("sends at least 250k o200k tokens of messages in the traces' final requests", () => {
    const ruler = createTokenRuler('o200k_base');
    const total = suite.traces.reduce((sum, trace) => sum + finalRequestMessageTokens(trace, ruler), 0);
    expect(total).toBeGreaterThanOrEqual(250_000);
  });

  it('keeps traces/local under 8 MB', () => {
    const bytes = readdirSync(LOCAL_TRACES_DIR).reduce(
      (sum, name) => sum + statSync(path.join(LOCAL_TRACES_DIR, name)).size,
      0,
    );
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('shows no machine path or unmasked clock in any trace', () => {
    for (const trace of suite.traces) {
      const text = JSON.stringify(trace.events);
      expect(text, trace.header.id).not.toMatch(
        /\/tmp\/terse-local-|\/work\/main\b|\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?!\.000Z)/,
      );
    }
  });
});
