/**
 * Request bodies for the proxy bench, from real data: the tool outputs of the sessions committed under
 * traces/local, and their recorded requests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../src/config.ts';
import { createTokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { JsonObject } from '../../src/types.ts';

const TRACES = path.join(environment.projectRoot, 'traces', 'local');

/** Every recorded session: its requests, in order (each with every message so far). */
export function recordedSessions(): JsonObject[][] {
  return readdirSync(TRACES)
    .filter((name) => name.endsWith('.jsonl') && !name.includes('probes'))
    .sort()
    .map((name) => {
      const [header, ...events] = readFileSync(path.join(TRACES, name), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as JsonObject);
      const request = (header?.request ?? {}) as JsonObject;
      const messages: JsonObject[] = [];
      const bodies: JsonObject[] = [];
      for (const event of events) {
        if (event.type === 'call') bodies.push({ ...request, max_tokens: 1024, messages: messages.slice() });
        else messages.push(event.message as JsonObject);
      }
      return bodies;
    });
}

/** Every tool output of the recorded sessions under traces/local, largest first. */
export function localToolOutputs(): string[] {
  const outputs: string[] = [];
  for (const bodies of recordedSessions()) {
    const last = bodies.at(-1);
    for (const message of (last?.messages ?? []) as JsonObject[]) {
      if (!Array.isArray(message.content)) continue;
      for (const block of message.content as JsonObject[])
        if (block.type === 'tool_result' && typeof block.content === 'string') outputs.push(block.content);
    }
  }
  return outputs.sort((a, b) => b.length - a.length);
}

/**
 * The tool outputs of the published reference requests (Headroom's workloads: JSON search results,
 * logs, metrics, issues), or none when ../shared is absent.
 */
export function referenceToolOutputs(): string[] {
  const dir = path.join(environment.sharedDir, 'reference', 'headroom-workloads');
  if (!existsSync(dir)) return [];
  const outputs: string[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const body = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as JsonObject;
    for (const message of (body.messages ?? []) as JsonObject[]) {
      if (message.role === 'tool' && typeof message.content === 'string') outputs.push(message.content);
      if (!Array.isArray(message.content)) continue;
      for (const block of message.content as JsonObject[])
        if (block.type === 'tool_result' && typeof block.content === 'string') outputs.push(block.content);
    }
  }
  return outputs.sort((a, b) => b.length - a.length);
}

/** A small request with nothing to compress: the proxy only reads and forwards it. */
export function smallBody(stream: boolean): string {
  return JSON.stringify({
    model: 'claude-mock',
    max_tokens: 256,
    stream,
    messages: [{ role: 'user', content: 'Summarise the failing test in one line.' }],
  });
}

/**
 * `output` made distinct for run `run` without changing what it is: a JSON document gets spaces after
 * its opening bracket (still the same JSON), anything else a last line. Each run's blocks are then new
 * to every cache (decisions, token counts) and still detected as the same kind of content.
 */
export function distinctFor(output: string, run: number): string {
  const open = output.search(/\S/);
  if (open >= 0 && (output[open] === '{' || output[open] === '['))
    return `${output.slice(0, open + 1)}${' '.repeat(run + 1)}${output.slice(open + 1)}`;
  return `${output}\n-- run ${run}`;
}

/**
 * A request whose newest turn brings distinct real tool outputs adding up to `tokens` (o200k_base),
 * made new for `run` (see distinctFor): every block is new work for the engine.
 */
export function largeToolTurn(
  tokens: number,
  run: number,
  outputs: readonly string[] = localToolOutputs(),
): { body: string; tokens: number } {
  const ruler = createTokenRuler('o200k_base');
  const content: JsonObject[] = [];
  const uses: JsonObject[] = [];
  let total = 0;
  for (const [i, output] of [...new Set(outputs)].entries()) {
    if (total >= tokens) break;
    const text = distinctFor(output, run);
    total += ruler.count(text);
    uses.push({ type: 'tool_use', id: `toolu_${i}`, name: 'bash', input: { command: `step ${i}` } });
    content.push({ type: 'tool_result', tool_use_id: `toolu_${i}`, content: text });
  }
  const body = {
    model: 'claude-mock',
    max_tokens: 1024,
    system: 'You are a coding agent with one bash tool.',
    tools: [
      {
        name: 'bash',
        description: 'Run a command',
        input_schema: { type: 'object', properties: { command: { type: 'string' } } },
      },
    ],
    messages: [
      { role: 'user', content: 'Find why the tests fail.' },
      { role: 'assistant', content: uses },
      { role: 'user', content },
    ],
  };
  return { body: JSON.stringify(body), tokens: total };
}
