/** The proxy's defaults `--help` shows, apart from the proxy itself so help loads nothing heavy. */
import { DEFAULT_PROXY_OPTIONS } from '../proxy/proxy-options.ts';

/** Defaults shown in `terse proxy --help`. */
export const PROXY_DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  anthropicUpstream: DEFAULT_PROXY_OPTIONS.anthropicUpstream,
  openaiUpstream: DEFAULT_PROXY_OPTIONS.openaiUpstream,
} as const;
