import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environment } from '../../config.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { Profile } from '../../types.ts';
import { htmlCompressor } from './html-compressor.ts';

const ruler = createTokenRuler('o200k_base');
const trajectories = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const sphinxRuns = ['sphinx-doc__sphinx-9229.traj.json', 'sphinx-doc__sphinx-10673.traj.json'].map((name) =>
  path.join(trajectories, name),
);

/** Tool outputs of real sphinx-build sessions that hold HTML pages. */
function realPages(): string[] {
  return sphinxRuns
    .filter((file) => existsSync(file))
    .flatMap((file) => {
      const trajectory = JSON.parse(readFileSync(file, 'utf8')) as { messages: { content: unknown }[] };
      return trajectory.messages.flatMap((message) =>
        typeof message.content === 'string' && /<(?:html|div|body|section)[ >]/.test(message.content)
          ? [message.content]
          : [],
      );
    });
}

const lossy: Profile[] = ['balanced', 'aggressive'];

describe.skipIf(!sphinxRuns.some((file) => existsSync(file)))('html compressor on real sphinx pages', () => {
  const pages = realPages();

  for (const profile of lossy) {
    it(`${profile}: smaller, deterministic, idempotent, one marker holding the exact page`, () => {
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) {
        const context = { profile, ruler, conversation: '' };
        const output = htmlCompressor.compress({ text: page, kind: 'html' }, context);
        expect(output).not.toBeNull();
        if (output === null) continue;
        expect(ruler.count(output.text)).toBeLessThan(ruler.count(page));
        expect(htmlCompressor.compress({ text: page, kind: 'html' }, context)).toEqual(output);
        expect(htmlCompressor.compress({ text: output.text, kind: 'html' }, context)).toBeNull();
        const markers = findMarkers(output.text);
        expect(markers.map((marker) => marker.ref)).toEqual([contentRef(page)]);
        expect(output.dropped).toEqual([{ ref: contentRef(page), original: page }]);
        expect(output.text).not.toMatch(/<script|<\/div>|_static\/jquery\.js/);
      }
    });
  }

  it('lossless: passes every page through', () => {
    for (const page of pages) {
      expect(
        htmlCompressor.compress({ text: page, kind: 'html' }, { profile: 'lossless', ruler, conversation: '' }),
      ).toBeNull();
    }
  });
});

describe('html compressor keeps text and links', () => {
  const page = [
    '<!DOCTYPE html><html><head><title>Release notes</title><style>body { color: red; }</style>',
    '<script>window.track("visit");</script></head><body>',
    '<h1>Version 2.4</h1><p>Fixes the <a href="https://example.com/issues/812">cache bug</a> and',
    '<a href="https://example.com/docs">https://example.com/docs</a>.</p>',
    '<table><tr><th>Metric</th><th>Before</th></tr><tr><td>p99 ms</td><td>420</td></tr></table>',
    '</body></html>',
  ].join('\n');

  it('balanced: headings keep their case, links read text [url], scripts and styles are gone', () => {
    const output = htmlCompressor.compress(
      { text: page, kind: 'html' },
      { profile: 'balanced', ruler, conversation: '' },
    );
    const text = output?.text ?? '';
    expect(text).toContain('Release notes');
    expect(text).toContain('Version 2.4');
    expect(text).toContain('cache bug [https://example.com/issues/812]');
    expect(text).toContain('https://example.com/docs');
    expect(text).not.toContain('https://example.com/docs [https://example.com/docs]');
    expect(text).toMatch(/Metric\s+Before/);
    expect(text).not.toMatch(/color: red|window\.track/);
  });

  it('passes text without tags', () => {
    expect(
      htmlCompressor.compress(
        { text: 'just prose, 3 < 4', kind: 'html' },
        { profile: 'balanced', ruler, conversation: '' },
      ),
    ).toBeNull();
  });
});
