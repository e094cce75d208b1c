import { describe, expect, it } from 'vitest';
import { findVolatile } from './volatile-content.ts';

describe('findVolatile', () => {
  it('finds the dates, timestamps and ids agents put in system prompts, each once, in order', () => {
    const system = [
      "You are Claude Code. Today's date is 2025-06-14.",
      'Session started 2025-06-14T09:31:07.512Z (request req_011CQ7dXk2pJmWvB9aXz).',
      'Workspace 3f2a9c1e-8b7d-4e6f-a1b2-c3d4e5f60718, commit 9fceb02d0ae598e95dc970b74767f19372d61af8.',
      'Cache epoch 1718357467. Knowledge cutoff: January 2025. Date again: 2025-06-14.',
      'Last login June 13, 2025.',
    ].join('\n');
    expect(findVolatile(system, 'system').map((v) => `${v.kind}:${v.text}`)).toEqual([
      'date:2025-06-14',
      'timestamp:2025-06-14T09:31:07.512Z',
      'request-id:req_011CQ7dXk2pJmWvB9aXz',
      'uuid:3f2a9c1e-8b7d-4e6f-a1b2-c3d4e5f60718',
      'hex-id:9fceb02d0ae598e95dc970b74767f19372d61af8',
      'epoch:1718357467',
      'date:June 13, 2025',
    ]);
  });

  it('leaves plain prose, versions, paths and short numbers alone', () => {
    const tools =
      '{"name":"bash","description":"Run a command in /repo (node 22.11.0, timeout 120000 ms, max 30000 chars). Use deadbeef for tests."}';
    expect(findVolatile(tools, 'tools')).toEqual([]);
  });
});
