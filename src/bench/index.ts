/**
 * terse's bench surface (`terse/bench`): replaying traces through configurations, the rows it emits,
 * and what a strategy plugged in with `--config module:PATH` implements (docs/plugins.md).
 */
export type { StrategyPlugin, RequestStrategy, PluginRequestContext } from './plugins/plugin-api.ts';
export type {
  Compressor,
  CompressInput,
  CompressContext,
  CompressResult,
  DroppedOriginal,
} from '../compressors/compressor.ts';
export { contentRef, formatMarker, findMarkers } from '../store/marker.ts';
export type { Trace, TraceHeader, TraceEvent, Workload } from './trace.ts';
export type { Probe, ProbeKind, ProbeOutcome, ScoringPoint } from './probe.ts';
export { runReplay, type ReplayPlan } from './run-replay.ts';
export {
  resolveBenchConfig,
  resolveBenchConfigs,
  BUILTIN_CONFIGS,
  DESTRUCTIVE_BASELINES,
  type BenchConfig,
  type ConfigRole,
} from './bench-config.ts';
export type { RunResult, PairResult, RequestRow, BlockRow, ProbeRow, ConfigRow } from './replay-rows.ts';
export type { ReplayStrategy, OpenStrategy, SessionCompressor } from './strategy/replay-strategy.ts';
export { deriveProbes } from './derive/derive-probes.ts';

export { writeReport } from '../report/write-report.ts';
export { summarize } from '../report/summarize.ts';
export { renderSummaryTable, renderSummaryMarkdown } from '../report/render-markdown.ts';
export { compareSummaries } from '../report/compare-runs.ts';
export type { Summary } from '../report/summary.ts';
