/** The proxy command's flag defaults, apart from the proxy itself: the CLI reads them before it knows the command. */
import { DEFAULT_PROXY_OPTIONS } from '../proxy/proxy-options.ts';

/** Defaults shown in `--help`. */
export const PROXY_DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  anthropicUpstream: DEFAULT_PROXY_OPTIONS.anthropicUpstream,
  openaiUpstream: DEFAULT_PROXY_OPTIONS.openaiUpstream,
} as const;
