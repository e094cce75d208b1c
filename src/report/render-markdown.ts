/** summary.md and the compact workload table, laid out in markdown from the shared summary tables. */
import type { Workload } from '../bench/trace.ts';
import { formatCount } from './format-figures.ts';
import { markdownTable } from './markdown-table.ts';
import type { Summary } from './summary.ts';
import {
  errorsTable,
  perTraceTable,
  remainingConfig,
  remainingTable,
  screeningTable,
  volatileTable,
  workloadTable,
  type SummaryTable,
} from './summary-tables.ts';
import { renderLiveMarkdown } from './render-live-tables.ts';

/** Token figures someone else published for a workload, to show beside ours. */
export interface PublishedFigure {
  readonly before: number;
  readonly after: number;
}

/** How the markdown is rendered. */
export interface RenderOptions {
  /** Published figures by suite, then workload; adds a "published" column when given. @default undefined */
  readonly published?: Readonly<Record<string, Readonly<Partial<Record<Workload, PublishedFigure>>>>>;
}

/** Why the volatile-values table is there. */
export const VOLATILE_NOTE =
  'Dates, ids and timestamps found by the cache aligner: a value that changes between sessions keeps their prefixes from sharing a cache. Reported only; terse never rewrites them.';

function markdown(table: SummaryTable): string {
  return markdownTable(table.columns, table.rows);
}

/** The compact workload x config table alone, every suite in one table. */
export function renderSummaryTable(summary: Summary, options: RenderOptions = {}): string {
  return markdown(workloadTable(summary.workloads, summary.configs, options, true));
}

/** The whole summary.md: context line, a workload table per suite, the per-trace table, the errors. */
export function renderSummaryMarkdown(summary: Summary, options: RenderOptions = {}): string {
  const { run } = summary;
  const sections = [
    `# terse bench \`${run.id}\` · git \`${run.git_sha}\` · node ${run.node} · tokenizer ${run.tokenizer}`,
    `Started ${run.started_at}. Token counts sum over every replayed request; reduction is 1 - after/before.`,
  ];
  const suites = [...new Set(summary.workloads.map((row) => row.suite))];
  if (suites.length === 0) sections.push('No (trace, config) pair replayed without error.');
  for (const suite of suites) {
    const rows = summary.workloads.filter((row) => row.suite === suite);
    sections.push(`## Suite \`${suite}\``, markdown(workloadTable(rows, summary.configs, options, false)));
  }
  if (summary.probe_screening.length > 0) sections.push('## Probe screening', markdown(screeningTable(summary)));
  const remaining = remainingConfig(summary);
  if (remaining !== null && summary.remaining.some((r) => r.config === remaining)) {
    sections.push(
      `## Where tool-output tokens remain (\`${remaining}\`)`,
      'Each compressible block counted once, when first sent; by content kind, then by the command that printed it.',
      markdown(remainingTable(summary, remaining)),
    );
  }
  if (summary.live) sections.push('## Live answers (a model in the loop)', renderLiveMarkdown(summary));
  if (summary.results.length > 0) sections.push('## Per trace', markdown(perTraceTable(summary)));
  if (summary.results.some((row) => row.volatile_values > 0)) {
    sections.push(
      '## Volatile values in system prompts and tool definitions',
      VOLATILE_NOTE,
      markdown(volatileTable(summary)),
    );
  }
  if (summary.errors.length > 0) {
    const count = summary.errors.length;
    sections.push(
      '## Errors',
      `${formatCount(count)} ${count === 1 ? 'pair' : 'pairs'} failed; the tables above leave them out.`,
      markdown(errorsTable(summary)),
    );
  }
  return `${sections.join('\n\n')}\n`;
}
