/** Public surface of the headroom suite. */
export { buildHeadroomSuite, HEADROOM_BUILDERS, type HeadroomSuiteOptions } from './build-headroom-suite.ts';
export type { HeadroomWorkload } from './headroom-published.ts';
export { NEEDLE_INDEX, NEEDLE_RECORDS, buildNeedleTrace } from './needle-workload.ts';
export type { CallPlan } from './session-calls.ts';
