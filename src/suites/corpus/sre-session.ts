/**
 * An SRE agent's session over one loghub system, OpenAI-shaped: a system prompt, the user's
 * symptom, `fetch_logs` page by page (the raw lines verbatim), optionally `query_metrics` over a
 * real CloudWatch series, and a final question. The model is called before every assistant turn.
 */
import type { JsonObject } from '../../types.ts';
import { callBeforeEachAssistant, type Trace } from '../../bench/trace.ts';
import type { LogIncident } from './log-incidents.ts';
import type { LogRecord } from './loghub-records.ts';
import { metricQuery, renderMetricData, type MetricWindow } from './nab-metric-window.ts';

/** Lines per `fetch_logs` page. */
export const PAGE_SIZE = 250;

const SYSTEM_PROMPT = [
  'You are an SRE agent on call. You investigate incidents from the logs and metrics your tools return.',
  'Fetch logs page by page with fetch_logs, query metrics with query_metrics, and quote the exact lines, timestamps and identifiers you rely on.',
  'Say plainly when the data does not show something.',
].join('\n');

const TOOLS: JsonObject[] = [
  {
    type: 'function',
    function: {
      name: 'fetch_logs',
      description: 'Return one page of raw log lines of a system, oldest first.',
      parameters: {
        type: 'object',
        properties: {
          system: { type: 'string' },
          page: { type: 'integer', minimum: 1 },
          page_size: { type: 'integer' },
        },
        required: ['system', 'page'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'query_metrics',
      description: 'Return a CloudWatch metric series (GetMetricData output) for a time range.',
      parameters: {
        type: 'object',
        properties: {
          namespace: { type: 'string' },
          metric: { type: 'string' },
          start: { type: 'string' },
          end: { type: 'string' },
          period: { type: 'integer' },
        },
        required: ['namespace', 'metric', 'start', 'end'],
      },
    },
  },
];

/** Index of the tool message showing page `page` (0-based). */
export function pageTurn(page: number): number {
  return 3 + page * 2;
}

/** The trace of one session over the first `pages` pages of `records`. */
export function buildSreSession(
  incident: LogIncident,
  records: readonly LogRecord[],
  pages: number,
  metrics: MetricWindow | null,
  source: string,
): Trace {
  const messages: JsonObject[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: incident.symptom(records) },
  ];
  let calls = 0;
  const step = (name: string, args: JsonObject, result: string) => {
    const id = `call_${incident.system.toLowerCase()}_${++calls}`;
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }],
    });
    messages.push({ role: 'tool', tool_call_id: id, content: result });
  };
  for (let page = 0; page < pages; page++) {
    const lines = records.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((r) => r.raw);
    step('fetch_logs', { system: incident.system, page: page + 1, page_size: PAGE_SIZE }, lines.join('\n'));
  }
  if (metrics !== null) step('query_metrics', metricQuery(metrics), renderMetricData(metrics));
  messages.push({
    role: 'user',
    content: 'What is the root cause? Give the evidence lines with their timestamps, and say what to check next.',
  });
  const events = callBeforeEachAssistant(messages);
  return {
    header: {
      version: 1,
      type: 'trace',
      id: `loghub-${incident.system.toLowerCase()}`,
      workload: 'sre',
      provider: 'openai',
      request: { model: 'gpt-4.1', max_tokens: 1024, tools: TOOLS },
      source: { format: 'corpus-loghub', file: source },
    },
    events,
  };
}
