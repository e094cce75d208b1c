/** `--record DIR`: a session recorded through the proxy is a Trace v1 file that `terse replay` reads as is. */
import type Anthropic from '@anthropic-ai/sdk';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { sourceCli } from '../cli/source-cli.ts';
import { RETRIEVE_TOOL_ANTHROPIC } from '../retrieve/retrieve-tool.ts';
import type { JsonObject } from '../types.ts';
import { startProxyHarness, type ProxyHarness } from '../testkit/proxy/proxy-harness.ts';
import { loadRecordedSession, SRE_SESSION } from '../testkit/proxy/recorded-session.ts';

const session = loadRecordedSession(SRE_SESSION);
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-proxy-record-'));
const records = path.join(dir, 'sessions');

let harness: ProxyHarness;
beforeAll(async () => {
  harness = await startProxyHarness({ proxy: { recordDir: records } });
});
afterAll(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recording sessions', () => {
  it('writes what the client sent, one call per request, and terse replay reads the file', async () => {
    const client = harness.anthropic({ 'x-terse-session': 'sre.recorded:1' });
    const bodies = session.bodies.slice(0, 5);
    for (const body of bodies)
      await client.messages.create(body as unknown as Anthropic.MessageCreateParamsNonStreaming);
    await harness.proxy.recordingsWritten();
    expect(readdirSync(records)).toEqual(['sre.recorded_1.jsonl']);
    const file = path.join(records, 'sre.recorded_1.jsonl');
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonObject);
    expect(readFileSync(file, 'utf8').startsWith('{"version":1,"type":"trace",')).toBe(true);
    expect(lines.filter((line) => line.type === 'call')).toHaveLength(5);
    // The messages as the client sent them: uncompressed, no marker, no terse tool.
    const messages = lines.filter((line) => line.type === 'message').map((line) => line.message);
    expect(messages).toEqual(bodies.at(-1)!.messages);
    expect((lines[0]!.request as JsonObject).tools).toEqual(session.request.tools);

    const out = path.join(dir, 'report');
    // Run without blocking the event loop: a blocked loop misses the proxy closing idle keep-alive
    // sockets, and the next test's client then writes to a dead one (ECONNRESET).
    const run = await promisify(execFile)(
      process.execPath,
      [...sourceCli(environment.projectRoot), 'replay', records, '--config', 'balanced', '--out', out, '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      },
    );
    expect(run.stderr).not.toMatch(/error/i);
    const summary = JSON.parse(run.stdout) as {
      results: { trace: string; requests: number; tokens_before: number; tokens_after: number }[];
      errors: unknown[];
    };
    expect(summary.errors).toEqual([]);
    expect(summary.results).toHaveLength(1);
    expect(summary.results[0]).toMatchObject({ trace: 'sre.recorded_1', requests: 5 });
    // Five short requests with little to compress: an agent session gets terse_retrieve from its first
    // request (nothing cached is busted when markers come), so the only growth is the tool's definition.
    const toolTokens = encode(JSON.stringify(RETRIEVE_TOOL_ANTHROPIC)).length;
    expect(summary.results[0]!.tokens_after).toBeLessThanOrEqual(summary.results[0]!.tokens_before + 5 * toolTokens);
  });

  it('starts a new file when a request does not extend what was recorded (the client rewound)', async () => {
    const client = harness.anthropic({ 'x-terse-session': 'rewound' });
    await client.messages.create(session.bodies[3] as unknown as Anthropic.MessageCreateParamsNonStreaming);
    await client.messages.create(session.bodies[1] as unknown as Anthropic.MessageCreateParamsNonStreaming);
    await harness.proxy.recordingsWritten();
    expect(
      readdirSync(records)
        .filter((name) => name.startsWith('rewound'))
        .sort(),
    ).toEqual(['rewound-2.jsonl', 'rewound.jsonl']);
  });
});
