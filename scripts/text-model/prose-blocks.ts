/**
 * Prose the text model trains on besides the NQ passages, from ../shared/corpus: SWE-bench issue
 * bodies and comments, and the mini-swe-agent tool outputs terse detects as text. Every fifth block,
 * by its sorted id, is held back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectContent } from '../../src/detect/detect-content.ts';

/** One block of prose and where it came from. */
export interface ProseBlock {
  readonly id: string;
  readonly source: 'issues' | 'tool-outputs';
  readonly text: string;
  readonly heldOut: boolean;
}

const MIN_CHARS = 400;

function issueTexts(sharedDir: string): { id: string; text: string }[] {
  const dir = path.join(sharedDir, 'corpus', 'swebench-issues');
  if (!existsSync(dir)) return [];
  const verified = JSON.parse(readFileSync(path.join(dir, 'swebench_verified_all_evaluations.json'), 'utf8')) as {
    instance_id: string;
    problem_statement: string;
  }[];
  const lite = JSON.parse(readFileSync(path.join(dir, 'swebench_lite_dev.json'), 'utf8')) as {
    instance_id: string;
    problem_statement: string;
    hints_text: string;
  }[];
  return [
    ...verified.map((issue) => ({ id: `${issue.instance_id}#issue`, text: issue.problem_statement })),
    ...lite.flatMap((issue) => [
      { id: `${issue.instance_id}#issue`, text: issue.problem_statement },
      { id: `${issue.instance_id}#hints`, text: issue.hints_text },
    ]),
  ];
}

function toolOutputTexts(sharedDir: string): { id: string; text: string }[] {
  const dir = path.join(sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
  if (!existsSync(dir)) return [];
  const out: { id: string; text: string }[] = [];
  for (const file of readdirSync(dir).sort()) {
    const messages = (
      JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { messages: { role: string; content: string }[] }
    ).messages;
    messages.forEach((message, index) => {
      const output = message.role === 'user' ? /<output>\n([\s\S]*)<\/output>/.exec(message.content)?.[1] : undefined;
      if (output !== undefined && detectContent(output).kind === 'text')
        out.push({ id: `${file}#${index}`, text: output });
    });
  }
  return out;
}

/** Every prose block of at least a few hundred characters, deduplicated, in id order. */
export function readProseBlocks(sharedDir: string): ProseBlock[] {
  const seen = new Set<string>();
  const tagged = [
    ...issueTexts(sharedDir).map((block) => ({ ...block, source: 'issues' as const })),
    ...toolOutputTexts(sharedDir).map((block) => ({ ...block, source: 'tool-outputs' as const })),
  ].filter((block) => block.text.length >= MIN_CHARS && !seen.has(block.text) && seen.add(block.text) !== undefined);
  return tagged
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((block, index) => ({ ...block, heldOut: index % 5 === 0 }));
}
