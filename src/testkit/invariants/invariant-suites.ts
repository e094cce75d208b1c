/**
 * The suites the engine's invariant tests and bench read: `headroom` (generated, always there),
 * `local` (recorded files in the project) and every other workload spec (the shared corpus), each
 * built or skipped with the reason why.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readSuiteSpecs } from '../../bench/suite-spec.ts';
import type { SuiteBuild } from '../../bench/suite.ts';
import { buildHeadroomSuite } from '../../suites/headroom/build-headroom-suite.ts';
import { buildTraceFilesSuite } from '../../bench/trace-files-suite.ts';
import { environment } from '../../config.ts';

/** A suite by name, built or skipped. */
export interface NamedSuiteBuild {
  readonly name: string;
  readonly build: SuiteBuild;
}

/** Suites this module builds itself; every other spec goes through the bench's builders. */
const OWN_SUITES = ['headroom', 'local'];

/** The headroom suite, one request per trace (the final one carries every block). */
export function headroomSuite(): NamedSuiteBuild {
  return { name: 'headroom', build: { state: 'ready', ...buildHeadroomSuite({ calls: 'final' }) } };
}

/** The local suite from traces/local. */
export async function localSuite(projectRoot: string = environment.projectRoot): Promise<NamedSuiteBuild> {
  return { name: 'local', build: await buildTraceFilesSuite(path.join(projectRoot, 'traces', 'local')) };
}

/**
 * Every workload spec other than headroom and local (today: `corpus`), built with the bench's
 * builders. A spec whose builder module is missing or throws is skipped with the error, so a suite a
 * colleague is still writing never hides the invariants of the others.
 */
export async function specSuites(
  projectRoot: string = environment.projectRoot,
  sharedDir: string = environment.sharedDir,
): Promise<NamedSuiteBuild[]> {
  if (!existsSync(sharedDir)) return [];
  const specs = readSuiteSpecs(path.join(projectRoot, 'workloads')).filter((spec) => !OWN_SUITES.includes(spec.name));
  let buildSuite: typeof import('../../suites/suite-builders.ts').buildSuite;
  try {
    // Imported lazily: a missing builder file must skip these suites, not fail the module.
    ({ buildSuite } = await import('../../suites/suite-builders.ts'));
  } catch (error) {
    const reason = `suite builders do not load: ${(error as Error).message}`;
    return specs.map((spec) => ({ name: spec.name, build: { state: 'skipped', reason } }));
  }
  const out: NamedSuiteBuild[] = [];
  for (const spec of specs) {
    try {
      out.push({ name: spec.name, build: await buildSuite(spec, { projectRoot, sharedDir }) });
    } catch (error) {
      out.push({
        name: spec.name,
        build: { state: 'skipped', reason: `builder ${spec.builder} failed: ${(error as Error).message}` },
      });
    }
  }
  return out;
}
