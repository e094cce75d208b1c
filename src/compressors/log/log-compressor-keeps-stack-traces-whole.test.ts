import { describe, expect, it } from 'vitest';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { HOSTILE_INPUTS } from '../../testkit/compressors/compressor-conformance.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { logCompressor } from './log-compressor.ts';

const ruler = createTokenRuler('o200k_base');

function noise(count: number, from: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `2024-03-01 10:${String(Math.floor((from + i) / 60) % 60).padStart(2, '0')}:${String((from + i) % 60).padStart(2, '0')},${String(i % 1000).padStart(3, '0')} INFO [worker-${i % 4}] app.Poller: polled queue orders, ${i * 7} items pending, latency ${i % 13} ms`,
  );
}

const TRACES: Record<string, string[]> = {
  python: [
    '2024-03-01 10:05:00,000 ERROR [main] app.Runner: job failed',
    'Traceback (most recent call last):',
    '  File "/srv/app/run.py", line 42, in <module>',
    '    main()',
    '  File "/srv/app/run.py", line 12, in main',
    '    raise ValueError("bad order id 991")',
    'ValueError: bad order id 991',
  ],
  java: [
    '2024-03-01 10:05:00,000 ERROR [main] com.shop.OrderService: could not save order',
    'java.lang.IllegalStateException: connection closed',
    '\tat com.shop.db.Pool.get(Pool.java:88)',
    '\tat com.shop.OrderService.save(OrderService.java:41)',
    'Caused by: java.net.SocketException: reset',
    '\tat java.net.Socket.read(Socket.java:120)',
    '\t... 4 more',
  ],
  javascript: [
    '2024-03-01 10:05:00,000 ERROR [main] api: request failed',
    "TypeError: Cannot read properties of undefined (reading 'id')",
    '    at handler (/srv/api/routes.js:17:22)',
    '    at Layer.handle (/srv/api/node_modules/express/lib/router/layer.js:95:5)',
  ],
  go: [
    'panic: runtime error: index out of range [5] with length 3',
    '',
    'goroutine 1 [running]:',
    'main.lookup(...)',
    '\t/srv/cmd/main.go:14',
    'main.main()',
    '\t/srv/cmd/main.go:9 +0x1d',
    'exit status 2',
  ],
  rust: [
    "thread 'main' panicked at src/main.rs:4:13:",
    'called `Option::unwrap()` on a `None` value',
    'stack backtrace:',
    '   0: rust_begin_unwind',
    '             at /rustc/library/std/src/panicking.rs:645:5',
    '   1: app::main',
    '             at ./src/main.rs:4:13',
    'note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.',
  ],
};

describe('log compressor keeps stack traces whole', () => {
  for (const [language, trace] of Object.entries(TRACES)) {
    it(`keeps a ${language} trace that belongs to an error, among folded noise`, () => {
      const text = [...noise(120, 0), ...trace, ...noise(120, 300)].join('\n');
      for (const profile of ['balanced', 'aggressive'] as const) {
        const result = expectConformingResult(logCompressor, text, 'log', { profile, ruler, conversation: '' });
        expect(result?.text).toContain(trace.join('\n'));
      }
    });
  }

  it('keeps the first of repeated identical warn traces and folds the rest in aggressive', () => {
    const warned = [
      '2024-03-01 10:05:00,000 WARN [main] app.Cache: refresh failed',
      'java.io.IOException: timeout',
      '\tat app.Cache.refresh(Cache.java:10)',
      '\tat app.Cache.run(Cache.java:5)',
    ];
    const text = [...noise(40, 0), ...warned, ...noise(40, 100), ...warned, ...noise(40, 200), ...warned].join('\n');
    const result = expectConformingResult(logCompressor, text, 'log', {
      profile: 'aggressive',
      ruler,
      conversation: '',
    });
    expect(result?.text.split(warned.join('\n')).length).toBe(2);
    expect(result?.text).toMatch(/^ {2}3x .*refresh failed/m);
  });

  it('keeps lines naming what the conversation asks about', () => {
    const lines = noise(200, 0);
    const text = lines.join('\n');
    const result = expectConformingResult(logCompressor, text, 'log', {
      profile: 'aggressive',
      ruler,
      conversation: 'why is worker-3 slow at 10:02:19?',
    });
    expect(result?.text.split('\n')).toContain(lines.find((line) => line.includes('10:02:19')));
  });

  it('returns null in lossless, and never throws on hostile input', () => {
    const text = noise(100, 0).join('\n');
    expect(logCompressor.compress({ text, kind: 'log' }, { profile: 'lossless', ruler, conversation: '' })).toBeNull();
    for (const hostile of HOSTILE_INPUTS) {
      for (const profile of ['lossless', 'balanced', 'aggressive'] as const)
        expectConformingResult(logCompressor, hostile, 'log', { profile, ruler, conversation: '' });
    }
  });
});
