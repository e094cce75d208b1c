/** One OpenAI Chat Completions request body (`model`, `tools`, `messages` with tool calls...). */
import { loadRequestTrace, requestProviderOf, type RequestFormat } from './request-document.ts';
import type { SessionImporter } from './session-importer.ts';

const FORMAT: RequestFormat = {
  name: 'openai-request',
  provider: 'openai',
  roles: ['system', 'developer', 'user', 'assistant', 'tool'],
};

/** Reads an OpenAI request file: a trace with one call after the last message. */
export const openAiRequestImporter: SessionImporter = {
  name: FORMAT.name,
  sniff: (head) => requestProviderOf(head) === 'openai',
  load: (file, options) => loadRequestTrace(file, options, FORMAT),
};
