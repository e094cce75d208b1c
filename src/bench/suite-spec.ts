/** `workloads/<suite>.json`: a suite as data — how its traces are built and which configs it runs. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, PathError } from '../errors.ts';

export const SUITE_SPEC_VERSION = 1;

/** How a suite's traces come to be. */
export type SuiteBuilderName = 'headroom-generator' | 'trace-files' | 'shared-corpus' | 'shared-reference';
const BUILDERS: readonly SuiteBuilderName[] = [
  'headroom-generator',
  'trace-files',
  'shared-corpus',
  'shared-reference',
];

export interface SuiteSpec {
  readonly version: typeof SUITE_SPEC_VERSION;
  readonly name: string;
  readonly description: string;
  readonly builder: SuiteBuilderName;
  /** For `trace-files`: the folder of Trace v1 files and their `*.probes.jsonl`, relative to the project. */
  readonly traces?: string;
  /** For `headroom-generator`: the seeds to generate. */
  readonly seeds?: readonly number[];
  /** Configurations run when the command names none. */
  readonly configs: readonly string[];
  /** Published figures to show beside ours, by workload. */
  readonly published?: Readonly<Record<string, { readonly before: number; readonly after: number }>>;
}

function fail(file: string, field: string, reason: string): never {
  throw new ConfigError(`${file}: ${field}`, reason);
}

/** Parses and validates one suite file. */
export function parseSuiteSpec(file: string, text: string): SuiteSpec {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    return fail(file, '(file)', `not JSON: ${(error as Error).message}`);
  }
  if (v.version !== SUITE_SPEC_VERSION) fail(file, 'version', `must be ${SUITE_SPEC_VERSION}`);
  if (typeof v.name !== 'string' || !/^[a-z0-9-]+$/.test(v.name)) fail(file, 'name', 'must be a kebab-case string');
  if (!BUILDERS.includes(v.builder as SuiteBuilderName)) fail(file, 'builder', `must be one of ${BUILDERS.join(', ')}`);
  if (!Array.isArray(v.configs) || v.configs.length === 0 || !v.configs.every((c) => typeof c === 'string'))
    fail(file, 'configs', 'must be a non-empty array of names');
  if (v.builder === 'trace-files' && typeof v.traces !== 'string')
    fail(file, 'traces', 'a trace-files suite names its folder');
  if (v.seeds !== undefined && (!Array.isArray(v.seeds) || !v.seeds.every((s) => Number.isInteger(s))))
    fail(file, 'seeds', 'must be an array of integers');
  return v as unknown as SuiteSpec;
}

/** Every `workloads/*.json`, sorted by name. */
export function readSuiteSpecs(workloadsDir: string): SuiteSpec[] {
  let names: string[];
  try {
    names = readdirSync(workloadsDir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    throw new PathError(workloadsDir, 'no workloads folder');
  }
  return names.map((name) => {
    const file = path.join(workloadsDir, name);
    return parseSuiteSpec(file, readFileSync(file, 'utf8'));
  });
}
