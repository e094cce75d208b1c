/** A proxy in front of the mock model server, with real SDK clients pointed at it. */
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { createEngine, type CreateEngineOptions } from '../../engine/create-engine.ts';
import type { EngineSetup } from '../../engine/engine-session.ts';
import { createMemoryStore } from '../../store/memory-store.ts';
import type { Store } from '../../store/store.ts';
import { createProxy, type Proxy } from '../../proxy/create-proxy.ts';
import type { ProxyOptions } from '../../proxy/proxy-options.ts';
import { startProxy, type RunningProxy } from '../../proxy/start-proxy.ts';
import { startMockModelServer, type MockModelServer } from './mock-model-server.ts';

/** The key every test client sends; the proxy must forward it and never log it. */
export const TEST_API_KEY = 'sk-test-0123456789-secret-never-logged';

/** A mock model, a proxy in front of it, and SDK clients for the proxy. */
export interface ProxyHarness {
  readonly mock: MockModelServer;
  readonly proxy: Proxy;
  readonly running: RunningProxy;
  readonly setup: EngineSetup;
  readonly store: Store;
  /** Lines the proxy logged. */
  readonly logs: string[];
  anthropic(headers?: Record<string, string>): Anthropic;
  openai(headers?: Record<string, string>): OpenAI;
  close(): Promise<void>;
}

/** What a test changes from the default harness. */
export interface HarnessOptions {
  readonly engine?: CreateEngineOptions;
  readonly proxy?: Partial<ProxyOptions>;
  /** A mock to reuse (two proxies in front of one model). */
  readonly mock?: MockModelServer;
  /** Changes the engine setup before the proxy gets it (a detector that throws, to see the proxy fail open). */
  readonly alterSetup?: (setup: EngineSetup) => EngineSetup;
}

/** Starts a mock model, and a proxy (memory store unless one is given) whose upstreams are the mock. */
export async function startProxyHarness(options: HarnessOptions = {}): Promise<ProxyHarness> {
  const mock = options.mock ?? (await startMockModelServer());
  const store = options.engine?.store ?? createMemoryStore();
  const created = await createEngine({ profile: 'balanced', ...options.engine, store });
  const setup = options.alterSetup ? options.alterSetup(created) : created;
  const logs: string[] = [];
  const proxy = createProxy(setup, {
    anthropicUpstream: mock.url,
    openaiUpstream: mock.url,
    log: (line) => logs.push(line),
    ...options.proxy,
  });
  const running = await startProxy(proxy, { port: 0 });
  return {
    mock,
    proxy,
    running,
    setup,
    store,
    logs,
    anthropic: (headers = {}) =>
      new Anthropic({ apiKey: TEST_API_KEY, baseURL: running.url, maxRetries: 0, defaultHeaders: headers }),
    openai: (headers = {}) =>
      new OpenAI({ apiKey: TEST_API_KEY, baseURL: `${running.url}/v1`, maxRetries: 0, defaultHeaders: headers }),
    async close() {
      await running.close();
      if (options.mock === undefined) await mock.close();
      await store.close();
    },
  };
}
