/**
 * The `rewrite-history` baseline does what a proxy that is not byte-faithful does: an earlier tool
 * output is sent differently once the conversation moved on, and the provider's cache is busted where
 * balanced, which freezes what it sent, keeps it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { canonicalFromBody } from '../../engine/request/canonical-request.ts';
import { pathKey } from '../../engine/request/request-parts.ts';
import { resolveBenchConfig } from '../bench-config.ts';
import { replayTrace } from '../replay-trace.ts';
import { buildTraceFilesSuite } from '../trace-files-suite.ts';
import { requestsOf } from '../trace.ts';

describe('rewrite-history', () => {
  it('changes bytes it sent before and busts more caches than balanced on the local sessions', async () => {
    const build = await buildTraceFilesSuite(path.join(environment.projectRoot, 'traces', 'local'));
    if (build.state !== 'ready') throw new Error(build.reason);
    const strategy = await resolveBenchConfig('rewrite-history').open({ tokenizer: 'o200k_base' });
    const balanced = await resolveBenchConfig('balanced').open({ tokenizer: 'o200k_base' });
    let rewritten = 0,
      busts = 0,
      balancedBusts = 0;
    for (const trace of build.traces) {
      const compress = strategy.newSession(trace.header.id);
      const sent = new Map<string, string>();
      for (const { body } of requestsOf(trace)) {
        const result = await compress(canonicalFromBody(body, trace.header.provider));
        for (const { part, text } of result.parts) {
          if (!part.compressible) continue;
          const key = `${pathKey(part.path)}#${part.text}`;
          if (sent.has(key) && sent.get(key) !== text) rewritten++;
          sent.set(key, text);
        }
      }
      for (const [open, config] of [
        [strategy, 'rewrite-history'],
        [balanced, 'balanced'],
      ] as const) {
        const pair = await replayTrace(trace, config, open, []);
        if (pair.state !== 'ok') throw new Error(pair.error);
        const count = pair.cache.filter((row) => row.provider === 'openai' && row.cache_bust).length;
        if (config === 'balanced') balancedBusts += count;
        else busts += count;
      }
    }
    await strategy.close();
    await balanced.close();
    expect(rewritten).toBeGreaterThan(0);
    expect(busts).toBeGreaterThan(balancedBusts);
  });
});
