/**
 * The `code-search` session: one Anthropic request in which the agent searches a React front end
 * for form components and gets 100 hits back as one compact JSON tool result (Python separators),
 * as in Headroom's code-search example. Three hits are planted for the probes.
 */
import type { JsonObject } from '../../types.ts';
import type { Probe } from '../../bench/probe.ts';
import type { Trace } from '../../bench/trace.ts';
import { itemAt } from './item-at.ts';
import { firstAbsent, writeProbes } from './probe-writer.ts';
import { pythonJsonDumps } from './python-json.ts';
import { COMPONENT_NAMES, generateReactHits, type ReactHit } from './react-code-search.ts';
import { createSeededRandom } from './seeded-random.ts';
import { sessionEvents, type CallPlan } from './session-calls.ts';

const TOOLS: JsonObject[] = [
  {
    name: 'code_search',
    description: 'Search the repository for code matching a query',
    input_schema: {
      type: 'object',
      properties: { query: { type: 'string' }, limit: { type: 'integer' } },
      required: ['query'],
    },
  },
];

/** The message index holding the tool result (user, assistant tool_use, user tool_result). */
const RESULT_TURN = 2;

/** A generated code-search trace and its probes. */
export function buildCodeSearchTrace(seed: number, calls: CallPlan): { trace: Trace; probes: Probe[] } {
  const rng = createSeededRandom(seed, 'code-search');
  const pool = rng.shuffled(COMPONENT_NAMES);
  const components = pool.slice(0, 5);
  const hits = generateReactHits(rng, components, 100);

  // Planted: one debounced-submit hook call (locate), one comment naming a bug's cause (causal).
  const hitAt = (index: number): ReactHit => itemAt(hits, index, 'code search hit');
  const hookHit = hitAt(rng.int(45, 55));
  hookHit.content = '  const submit = useDebouncedSubmit(save, { waitMs: 400 });';
  const causeHit = hitAt(rng.int(78, 88));
  causeHit.context.after = ['  // FIXME: submits twice because Enter also fires onClick', '  );'];
  const early = hitAt(rng.int(1, 4));
  const late = hitAt(rng.int(94, 99));
  const firstFile = hitAt(0).file;

  const toolUseId = `toolu_${rng.hex(24)}`;
  const messages: JsonObject[] = [
    { role: 'user', content: 'Find every React component that handles form submission' },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: "I'll search the codebase for form components." },
        { type: 'tool_use', id: toolUseId, name: 'code_search', input: { query: 'form onSubmit', limit: 100 } },
      ],
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUseId, content: pythonJsonDumps(hits) }] },
  ];
  const trace: Trace = {
    header: {
      version: 1,
      type: 'trace',
      id: `code-search-seed${seed}`,
      workload: 'code-search',
      provider: 'anthropic',
      request: { model: 'claude-sonnet-4-20250514', max_tokens: 1024, tools: TOOLS },
      source: { format: 'headroom-generator', file: `generator:code-search:seed${seed}` },
    },
    events: sessionEvents(messages, calls),
  };

  const absent = firstAbsent(
    trace,
    pool.slice(5).map((name) => `src/components/${name}.tsx`),
  );
  const probes = writeProbes(trace, [
    {
      name: 'early-modified',
      kind: 'exact',
      turn: RESULT_TURN,
      question: `When was the hit at ${early.file} line ${early.line} last modified?`,
      answers: [early.last_modified],
    },
    {
      name: 'late-size',
      kind: 'exact',
      turn: RESULT_TURN,
      question: `What is size_bytes of the hit at ${late.file} line ${late.line}?`,
      answers: [String(late.metadata.size_bytes)],
    },
    {
      name: 'late-author',
      kind: 'exact',
      turn: RESULT_TURN,
      question: `Who authored the hit at ${late.file} line ${late.line}?`,
      answers: [late.author],
    },
    {
      name: 'debounced-line',
      kind: 'locate',
      turn: RESULT_TURN,
      question: `On which line of ${hookHit.file} is useDebouncedSubmit called?`,
      answers: [String(hookHit.line)],
    },
    {
      name: 'debounced-file',
      kind: 'locate',
      turn: RESULT_TURN,
      question: 'Which file calls useDebouncedSubmit?',
      answers: [hookHit.file],
    },
    {
      name: 'first-hit',
      kind: 'locate',
      turn: RESULT_TURN,
      question: 'Which file holds the best-scoring hit?',
      answers: [firstFile],
    },
    {
      name: 'hits-per-file',
      kind: 'count',
      turn: RESULT_TURN,
      liveOnly: true,
      question: `How many hits are in ${firstFile}?`,
      answers: ['20'],
    },
    {
      name: 'distinct-files',
      kind: 'count',
      turn: RESULT_TURN,
      liveOnly: true,
      question: 'How many distinct files do the hits come from?',
      answers: ['5'],
    },
    {
      name: 'double-submit',
      kind: 'causal',
      turn: RESULT_TURN,
      question: `Why does ${causeHit.file} submit twice?`,
      answers: ['Enter also fires onClick'],
    },
    {
      name: 'absent-component',
      kind: 'negative',
      turn: RESULT_TURN,
      question: `Which hit is in ${absent}?`,
      answers: [absent],
    },
  ]);
  return { trace, probes };
}
