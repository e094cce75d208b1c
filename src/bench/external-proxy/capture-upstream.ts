/**
 * The provider an external compressing proxy talks to during a bench run: a loopback server that
 * keeps the body of every model request the proxy would have sent (Anthropic `/v1/messages`, OpenAI
 * `/v1/chat/completions`) and answers it with a short canned reply, so the proxy's session goes on.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';

/** One body the proxy sent, and when it arrived. */
export interface CapturedRequest {
  readonly text: string;
  readonly at: number;
}

export interface CaptureUpstream {
  /** `http://127.0.0.1:PORT`: the upstream URL to give the proxy. */
  readonly url: string;
  /** The bodies received since the last `take`, oldest first; taking empties the list. */
  take(): CapturedRequest[];
  close(): Promise<void>;
}

const ANTHROPIC_REPLY = {
  id: 'msg_terse_capture',
  type: 'message',
  role: 'assistant',
  model: 'terse-capture',
  content: [{ type: 'text', text: 'ok' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 0, output_tokens: 1 },
};

const OPENAI_REPLY = {
  id: 'chatcmpl-terse-capture',
  object: 'chat.completion',
  created: 0,
  model: 'terse-capture',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 0, completion_tokens: 1, total_tokens: 1 },
};

/** Listens on 127.0.0.1:`port` (0: any free port). */
export function startCaptureUpstream(port: number): Promise<CaptureUpstream> {
  let captured: CapturedRequest[] = [];
  const app = new Hono();
  const keep = async (request: Request): Promise<void> => {
    captured.push({ text: await request.text(), at: performance.now() });
  };
  app.post('/v1/messages', async (c) => {
    await keep(c.req.raw);
    return c.json(ANTHROPIC_REPLY);
  });
  app.post('/v1/chat/completions', async (c) => {
    await keep(c.req.raw);
    return c.json(OPENAI_REPLY);
  });
  return new Promise((resolve, reject) => {
    const server: ServerType = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      server.off('error', reject);
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        take: () => {
          const taken = captured;
          captured = [];
          return taken;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
