/**
 * report.html: one self-contained page (inline CSS, charts as inline SVG, no script, nothing fetched)
 * with the run's context, the summary's tables laid out from the Summary itself, and the charts.
 */
import { escapeHtml } from './escape-html.ts';
import { formatCount } from './format-figures.ts';
import { htmlTable } from './html-table.ts';
import type { RenderOptions } from './render-markdown.ts';
import { chartCaption, type RenderedChart } from './report-charts.ts';
import { liveAccuracyTable, liveComparisonTable, liveContextLine } from './render-live-tables.ts';
import { errorsTable, perTraceTable, remainingConfig, remainingTable, screeningTable, volatileTable, workloadTable } from './summary-tables.ts';
import { VOLATILE_NOTE } from './render-markdown.ts';
import type { Summary } from './summary.ts';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #f3f3f3; padding: 0 0.25em; border-radius: 3px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; }
dt { color: #666; }
dd { margin: 0; }
table { border-collapse: collapse; margin: 0.5rem 0; font-variant-numeric: tabular-nums; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #e3e3e3; text-align: left; white-space: nowrap; }
th { border-bottom: 2px solid #bbb; }
.number { text-align: right; }
tbody tr:hover { background: #f7f7f7; }
.scroll { overflow-x: auto; }
figure { margin: 1.5rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #666; font-size: 0.9em; }
`;

function runHeader(summary: Summary): string {
  const { run } = summary;
  const fields: readonly (readonly [string, string])[] = [
    ['run id', run.id],
    ['started', run.started_at],
    ['git sha', run.git_sha],
    ['node', run.node],
    ['tokenizer', run.tokenizer],
  ];
  const rows = fields.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd><code>${escapeHtml(value)}</code></dd>`);
  return `<header>\n<h1>terse bench <code>${escapeHtml(run.id)}</code></h1>\n<dl>\n${rows.join('\n')}\n</dl>\n</header>`;
}

/** The chart's SVG ready to sit in the page: no namespace attributes (HTML implies them; they are URLs). */
function inlineSvg(chart: RenderedChart): string {
  const caption = chartCaption(chart.name);
  const svg = chart.svg.replace(/^<svg([^>]*)>/, (_tag, attributes: string) => {
    const kept = attributes.replace(/\s+xmlns(?::xlink)?="[^"]*"/g, '');
    return `<svg${kept} role="img" aria-label="${escapeHtml(caption)}">`;
  });
  return `<figure id="chart-${chart.name}">\n${svg}\n<figcaption>${escapeHtml(caption)}</figcaption>\n</figure>`;
}

function section(title: string, ...parts: readonly string[]): string {
  return `<section>\n<h2>${title}</h2>\n${parts.join('\n')}\n</section>`;
}

function scrolling(table: string): string {
  return `<div class="scroll">\n${table}\n</div>`;
}

/** The whole report.html of `summary`, its charts rendered beforehand (see renderReportCharts). */
export function renderReportHtml(summary: Summary, charts: readonly RenderedChart[], options: RenderOptions = {}): string {
  const parts = [
    runHeader(summary),
    '<p>Token counts sum over every replayed request; reduction is 1 - after/before.</p>',
  ];
  const suites = [...new Set(summary.workloads.map((row) => row.suite))];
  if (suites.length === 0) parts.push('<p>No (trace, config) pair replayed without error.</p>');
  for (const suite of suites) {
    const rows = summary.workloads.filter((row) => row.suite === suite);
    parts.push(section(`Suite <code>${escapeHtml(suite)}</code>`, scrolling(htmlTable(workloadTable(rows, summary.configs, options, false)))));
  }
  if (summary.live) {
    const { live } = summary;
    const tables = [liveAccuracyTable(summary, live), ...(live.comparisons.length > 0 ? [liveComparisonTable(summary, live)] : [])];
    parts.push(section('Live answers (a model in the loop)', `<p>${escapeHtml(liveContextLine(live))}</p>`, ...tables.map((table) => scrolling(htmlTable(table)))));
  }
  if (charts.length > 0) parts.push(section('Charts', ...charts.map(inlineSvg)));
  if (summary.probe_screening.length > 0) parts.push(section('Probe screening', scrolling(htmlTable(screeningTable(summary)))));
  const remaining = remainingConfig(summary);
  if (remaining !== null && summary.remaining.some((r) => r.config === remaining)) {
    parts.push(section(`Where tool-output tokens remain (${escapeHtml(remaining)})`, scrolling(htmlTable(remainingTable(summary, remaining)))));
  }
  if (summary.results.length > 0) parts.push(section('Per trace', scrolling(htmlTable(perTraceTable(summary)))));
  if (summary.results.some((row) => row.volatile_values > 0)) parts.push(section('Volatile values in system prompts and tool definitions', `<p>${escapeHtml(VOLATILE_NOTE)}</p>${scrolling(htmlTable(volatileTable(summary)))}`));
  if (summary.errors.length > 0) {
    const count = summary.errors.length;
    parts.push(
      section(
        'Errors',
        `<p>${formatCount(count)} ${count === 1 ? 'pair' : 'pairs'} failed; the tables above leave them out.</p>`,
        scrolling(htmlTable(errorsTable(summary))),
      ),
    );
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>terse bench ${escapeHtml(summary.run.id)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...parts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
