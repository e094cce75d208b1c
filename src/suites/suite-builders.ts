/** Builds a suite from its spec: one builder per way traces come to be (the compiler wants them all). */
import path from 'node:path';
import type { SuiteBuild } from '../bench/suite.ts';
import { screenProbes } from '../bench/probe-screening.ts';
import type { SuiteBuilderName, SuiteSpec } from '../bench/suite-spec.ts';
import { buildTraceFilesSuite } from '../bench/trace-files-suite.ts';
import { buildHeadroomSuite } from './headroom/build-headroom-suite.ts';
import { buildCorpusSuite } from './corpus/build-corpus-suite.ts';
import { buildReferenceSuite } from './reference/build-reference-suite.ts';

/** What a builder may need to know about the machine. */
export interface SuiteBuildContext {
  readonly projectRoot: string;
  readonly sharedDir: string;
}

type SuiteBuilder = (spec: SuiteSpec, context: SuiteBuildContext) => Promise<SuiteBuild>;

const BUILDERS: Readonly<Record<SuiteBuilderName, SuiteBuilder>> = {
  // One request per trace, as the published table measured: the before-counts compare like for like.
  'headroom-generator': async (spec) => ({
    state: 'ready',
    ...buildHeadroomSuite({ calls: 'final', ...(spec.seeds ? { seeds: [...spec.seeds] } : {}) }),
  }),
  'trace-files': (spec, context) => buildTraceFilesSuite(path.resolve(context.projectRoot, spec.traces ?? '')),
  'shared-corpus': (_spec, context) => buildCorpusSuite(context.sharedDir),
  'shared-reference': (_spec, context) => buildReferenceSuite(context.sharedDir),
};

/**
 * Builds a suite and screens its probes: the bench measures fidelity only on probes that can tell
 * configurations apart, with near misses for negatives (probe-screening.ts).
 */
export async function buildSuite(spec: SuiteSpec, context: SuiteBuildContext): Promise<SuiteBuild> {
  const build = await BUILDERS[spec.builder](spec, context);
  if (build.state !== 'ready' || build.probes.length === 0) return build;
  const { probes, screening } = screenProbes(spec.name, build.traces, build.probes);
  return { ...build, probes, screening };
}
