/** Opens the route a RouteSettings names: one factory per API (the compiler wants them all). */
import type { Provider } from '../../../types.ts';
import type { RouteSettings } from '../live-options.ts';
import { anthropicTransport } from './anthropic/anthropic-transport.ts';
import { ANTHROPIC_WIRE } from './anthropic/anthropic-wire.ts';
import type { ModelRoute } from './model-route.ts';
import { openaiTransport } from './openai/openai-transport.ts';
import { OPENAI_WIRE } from './openai/openai-wire.ts';

/** How calls are carried, whatever the API. */
export interface TransportSettings {
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly stream: boolean;
}

const FACTORIES: Readonly<Record<Provider, (settings: RouteSettings, transport: TransportSettings) => ModelRoute>> = {
  anthropic: (settings, transport) => ({
    wire: ANTHROPIC_WIRE,
    model: settings.model,
    transport: anthropicTransport({ apiKey: settings.apiKey ?? '', baseUrl: settings.baseUrl, ...transport }),
  }),
  openai: (settings, transport) => ({
    wire: OPENAI_WIRE,
    model: settings.model,
    transport: openaiTransport({ apiKey: settings.apiKey, baseUrl: settings.baseUrl, ...transport }),
  }),
};

export function createModelRoute(settings: RouteSettings, transport: TransportSettings): ModelRoute {
  return FACTORIES[settings.provider](settings, transport);
}
