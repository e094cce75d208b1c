/** tune.md: the verdict, the frontier, the held-out check and every point, as markdown tables. */
import { formatCount, formatReduction } from './format-figures.ts';
import { markdownTable, type MarkdownColumn } from './markdown-table.ts';
import { tunePointLabels } from './tune-point-labels.ts';
import type { TuneScore } from './tune-scores.ts';
import type { TuneSummary } from './tune-summary.ts';

/** Where a tune report keeps the ready-to-use config file of a point. */
export function tuneConfigFile(name: string): string {
  return `configs/${name}.json`;
}

const COLUMNS: readonly MarkdownColumn[] = [
  { header: 'config', align: 'left' },
  { header: 'settings', align: 'left' },
  { header: 'effective', align: 'right' },
  { header: 'reduction', align: 'right' },
  { header: 'probes lost', align: 'right' },
  { header: 'retrieved', align: 'right' },
  { header: 'near misses invented', align: 'right' },
  { header: 'tokens before', align: 'right' },
];

function table(summary: TuneSummary, scores: readonly TuneScore[]): string {
  const labels = tunePointLabels(summary.points);
  const mark = (config: string): string =>
    config === summary.chosen
      ? `**${config}** (chosen)`
      : config === summary.reference
        ? `${config} (reference)`
        : config;
  return markdownTable(
    COLUMNS,
    scores.map((score) => [
      mark(score.config),
      score.config === summary.reference ? '' : (labels.get(score.config) ?? ''),
      score.errors > 0 ? `${score.errors} pairs errored` : formatReduction(score.effective_reduction),
      formatReduction(score.reduction),
      `${score.lost} / ${score.discriminating}`,
      formatCount(score.retrieved),
      formatCount(score.fabricated),
      formatCount(score.tokens_before),
    ]),
  );
}

/** The whole tune.md. */
export function renderTuneMarkdown(summary: TuneSummary): string {
  const frontier = summary.frontier
    .map((name) => summary.search.find((score) => score.config === name))
    .filter((score): score is TuneScore => score !== undefined);
  const files = frontier
    .filter((score) => score.config !== summary.reference)
    .map((score) => `\`${tuneConfigFile(score.config)}\``);
  return [
    `# terse tune: ${summary.suite}`,
    '',
    `Grid \`${summary.grid}\`: ${summary.points.length - 1} points beside the reference \`${summary.reference}\`. Search traces: ${summary.split.search.length}; held out: ${summary.split.held_out.length} (${Math.round(summary.held_out_share * 100)}% of each workload, by the SHA-256 of the trace id). Git ${summary.run.git_sha}, ${summary.run.tokenizer}.`,
    '',
    `**${summary.verdict.state}**: ${summary.verdict.text}`,
    '',
    `## Pareto frontier, search traces`,
    '',
    "Effective reduction is net of the answer-blind reader's `terse_retrieve` calls; probes lost are the discriminating probes lost when first needed (docs/fidelity.md).",
    '',
    table(summary, frontier),
    '',
    files.length > 0
      ? `Ready-to-use configurations: ${files.join(', ')} (\`terse bench --config FILE\`).`
      : 'No grid point is on the frontier: the reference dominates every point.',
    '',
    '## Held-out traces',
    '',
    table(summary, summary.held_out),
    '',
    '## Every point, search traces',
    '',
    table(summary, summary.search),
    '',
  ].join('\n');
}
