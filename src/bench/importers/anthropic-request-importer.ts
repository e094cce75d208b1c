/** One Anthropic Messages request body (`model`, `system`, `tools`, `messages`...). */
import { loadRequestTrace, requestProviderOf, type RequestFormat } from './request-document.ts';
import type { SessionImporter } from './session-importer.ts';

const FORMAT: RequestFormat = { name: 'anthropic-request', provider: 'anthropic', roles: ['user', 'assistant'] };

/** Reads an Anthropic request file: a trace with one call after the last message. */
export const anthropicRequestImporter: SessionImporter = {
  name: FORMAT.name,
  sniff: (head) => requestProviderOf(head) === 'anthropic',
  load: (file, options) => loadRequestTrace(file, options, FORMAT),
};
