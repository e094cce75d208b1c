/**
 * report.html: one self-contained page (inline CSS and script, charts as inline SVG, nothing fetched
 * over the network): the run's context, the charts first, the summary's tables (sortable, filterable),
 * the trace explorer down to each block before and after, and a comparison when served as one. Block
 * texts sit in explore/ beside the page, one script per trace, loaded when a trace is opened.
 */
import { escapeHtml } from './escape-html.ts';
import { formatCount } from './format-figures.ts';
import { htmlTable } from './html-table.ts';
import type { RenderOptions } from './render-markdown.ts';
import { chartCaption, type RenderedChart } from './report-charts.ts';
import { liveAccuracyTable, liveComparisonTable, liveContextLine } from './render-live-tables.ts';
import {
  errorsTable,
  perTraceTable,
  remainingConfig,
  remainingTable,
  screeningTable,
  volatileTable,
  workloadTable,
} from './summary-tables.ts';
import { VOLATILE_NOTE } from './render-markdown.ts';
import type { Summary } from './summary.ts';
import { scriptSafeJson, type ExploreData } from './explore/explore-data.ts';
import { EXPLORE_PAGE_SCRIPT } from './explore/explore-page-script.ts';

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
nav { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 0.4rem 0; z-index: 1; }
nav a { margin-right: 1rem; color: #245; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(32rem, 1fr)); gap: 1rem; }
.charts figure { margin: 0; }
input.filter { display: block; margin: 0.5rem 0 0.25rem; padding: 0.2rem 0.4rem; width: 18rem; }
th.sort { cursor: pointer; user-select: none; }
th[data-sorted="asc"]::after { content: " \\25B2"; }
th[data-sorted="desc"]::after { content: " \\25BC"; }
tr.pick { cursor: pointer; }
tr.selected { background: #e8f0fb; }
.scroll { max-height: 32rem; overflow: auto; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side-by-side section { min-width: 0; }
pre.text { white-space: pre-wrap; word-break: break-word; background: #fafafa; border: 1px solid #e3e3e3; padding: 0.5rem; max-height: 40rem; overflow: auto; font-size: 12px; }
mark.marker { background: #fde68a; }
.omitted { color: #999; font-style: italic; }
dl.facts { margin: 0.5rem 0; }
.note { color: #666; }
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
export function renderReportHtml(
  summary: Summary,
  charts: readonly RenderedChart[],
  options: RenderOptions = {},
  explore: ExploreData | null = null,
): string {
  const parts = [
    runHeader(summary),
    nav(explore !== null),
    '<p>Token counts sum over every replayed request; reduction is 1 - after/before. Click a column header to sort, type in a box to filter.</p>',
  ];
  if (charts.length > 0)
    parts.push(
      section('Charts', `<div class="charts">\n${charts.map(inlineSvg).join('\n')}\n</div>`).replace(
        '<section>',
        '<section id="charts">',
      ),
    );
  parts.push('<section id="comparison" hidden>\n<h2>Comparison of two runs</h2>\n</section>');
  const suites = [...new Set(summary.workloads.map((row) => row.suite))];
  if (suites.length === 0) parts.push('<p>No (trace, config) pair replayed without error.</p>');
  for (const suite of suites) {
    const rows = summary.workloads.filter((row) => row.suite === suite);
    parts.push(
      section(
        `Suite <code>${escapeHtml(suite)}</code>`,
        scrolling(htmlTable(workloadTable(rows, summary.configs, options, false))),
      ),
    );
  }
  if (summary.live) {
    const { live } = summary;
    const tables = [
      liveAccuracyTable(summary, live),
      ...(live.comparisons.length > 0 ? [liveComparisonTable(summary, live)] : []),
    ];
    parts.push(
      section(
        'Live answers (a model in the loop)',
        `<p>${escapeHtml(liveContextLine(live))}</p>`,
        ...tables.map((table) => scrolling(htmlTable(table))),
      ),
    );
  }
  if (explore !== null) {
    parts.push(
      '<section id="explore">\n<h2>Trace explorer</h2>\n<p>Pick a trace, then a config, a request and a block: the block as it came and as it was sent, side by side, markers highlighted.</p>\n<div id="explorer"></div>\n</section>',
    );
  }
  if (summary.probe_screening.length > 0)
    parts.push(section('Probe screening', scrolling(htmlTable(screeningTable(summary)))));
  const remaining = remainingConfig(summary);
  if (remaining !== null && summary.remaining.some((r) => r.config === remaining)) {
    parts.push(
      section(
        `Where tool-output tokens remain (${escapeHtml(remaining)})`,
        scrolling(htmlTable(remainingTable(summary, remaining))),
      ),
    );
  }
  if (summary.results.length > 0)
    parts.push(
      section('Per trace', scrolling(htmlTable(perTraceTable(summary)))).replace(
        '<section>',
        '<section id="per-trace">',
      ),
    );
  if (summary.results.some((row) => row.volatile_values > 0))
    parts.push(
      section(
        'Volatile values in system prompts and tool definitions',
        `<p>${escapeHtml(VOLATILE_NOTE)}</p>${scrolling(htmlTable(volatileTable(summary)))}`,
      ),
    );
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
  const scripts =
    explore === null
      ? []
      : [
          `<script type="application/json" id="terse-data">${scriptSafeJson(explore)}</script>`,
          // Filled by `terse view B --compare A` when it serves the page as a comparison.
          `<script type="application/json" id="terse-comparison">null</script>`,
          `<script>${EXPLORE_PAGE_SCRIPT}</script>`,
        ];
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
    ...scripts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function nav(explorer: boolean): string {
  const links = [
    ['#charts', 'charts'],
    ['#comparison', 'comparison'],
    ...(explorer ? [['#explore', 'trace explorer']] : []),
    ['#per-trace', 'per trace'],
  ];
  return `<nav>${links.map(([href, text]) => `<a href="${href}">${text}</a>`).join('')}</nav>`;
}
