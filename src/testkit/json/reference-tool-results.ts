/** Test input: the tool results of the published Headroom workloads (shared/reference), read where they lie. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../config.ts';

/** One tool result of a reference request, with the user turns around it. */
export interface ReferenceToolResult {
  readonly name: string;
  readonly text: string;
  readonly conversation: string;
}

/** Where the reference requests are; absent on a user's machine. */
export const referenceDir = path.join(environment.sharedDir, 'reference', 'headroom-workloads');

interface Message {
  readonly role?: string;
  readonly content?: unknown;
}

function blockTexts(content: unknown, type: 'text' | 'tool_result'): string[] {
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: { type?: string; text?: unknown; content?: unknown }) => {
    if (block.type !== type) return [];
    const value = type === 'text' ? block.text : block.content;
    return typeof value === 'string' ? [value] : [];
  });
}

/** Every tool result (Anthropic tool_result blocks, OpenAI tool messages) of every reference file. */
export function readReferenceToolResults(): ReferenceToolResult[] {
  if (!existsSync(referenceDir)) return [];
  const results: ReferenceToolResult[] = [];
  for (const file of readdirSync(referenceDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const request = JSON.parse(readFileSync(path.join(referenceDir, file), 'utf8')) as { messages?: Message[] };
    const messages = request.messages ?? [];
    const conversation = messages
      .filter((message) => message.role === 'user' || message.role === 'assistant')
      .flatMap((message) =>
        typeof message.content === 'string' ? [message.content] : blockTexts(message.content, 'text'),
      )
      .join('\n');
    let index = 0;
    for (const message of messages) {
      const texts =
        message.role === 'tool' && typeof message.content === 'string'
          ? [message.content]
          : blockTexts(message.content, 'tool_result');
      for (const text of texts) {
        results.push({ name: `${file.replace(/\.json$/, '')}#${index}`, text, conversation });
        index += 1;
      }
    }
  }
  return results;
}
