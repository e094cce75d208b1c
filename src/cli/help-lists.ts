/** The names `--help` lists after `replay` and `bench`: built-in configurations and workload suites. */
import path from 'node:path';
import { BUILTIN_CONFIG_NAMES, DEFAULT_REPLAY_CONFIGS } from '../bench/builtin-config-names.ts';
import { readSuiteSpecs } from '../bench/suite-spec.ts';

/** The suites of `workloads/` (a few small JSON files); none when the folder cannot be read. */
function suiteNames(projectRoot: string): string[] {
  try {
    return readSuiteSpecs(path.join(projectRoot, 'workloads')).map((spec) => spec.name);
  } catch {
    return [];
  }
}

/** Text after `terse replay --help` / `terse bench --help`. */
export function configHelp(): string {
  return [
    '',
    `Configurations: ${BUILTIN_CONFIG_NAMES.join(', ')};`,
    '  a JSON file { "name", "profile", "compressors", ... }; module:PATH (docs/plugins.md); proxy:URL.',
    `  replay runs ${DEFAULT_REPLAY_CONFIGS.join(', ')} unless --config names others.`,
  ].join('\n');
}

/** Text after `terse bench --help`: the suites this installation has. */
export function suiteHelp(projectRoot: string): string {
  const names = suiteNames(projectRoot);
  return `\nSuites: ${names.length > 0 ? names.join(', ') : '(none found)'} (corpus and reference need ../shared; see README).`;
}
