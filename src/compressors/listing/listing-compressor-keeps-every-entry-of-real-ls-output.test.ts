import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { listingCompressor } from './listing-compressor.ts';
import { listingEntries } from './long-listing.ts';

const trajectories = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const ruler = createTokenRuler('o200k_base');

/** Every tool output the agents got back for an `ls -la` / `ls -l`, as the model read it. */
function longListings(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (const file of readdirSync(trajectories)
    .filter((name) => name.endsWith('.traj.json'))
    .sort()) {
    const messages = (
      JSON.parse(readFileSync(path.join(trajectories, file), 'utf8')) as {
        messages: { role: string; content: unknown }[];
      }
    ).messages;
    messages.forEach((message, index) => {
      const command =
        typeof message.content === 'string'
          ? /```bash\n(ls -l[a-z]*\b[^\n]*)\n```/.exec(message.content)?.[1]
          : undefined;
      const output = messages[index + 1]?.content;
      if (message.role === 'assistant' && command !== undefined && typeof output === 'string')
        found.push({ name: `${file}: ${command}`, text: output });
    });
  }
  return found;
}

describe.skipIf(!existsSync(trajectories))('listing compressor on the ls -l outputs of real agent sessions', () => {
  const listings = existsSync(trajectories) ? longListings() : [];

  it('finds the listings agents printed', () => {
    expect(listings.length).toBeGreaterThanOrEqual(8);
  });

  it("keeps every entry: its name and type, a file's size, and every mode, owner and date the header does not state", () => {
    for (const { name, text } of listings) {
      const out = expectConformingResult(listingCompressor, text, 'text', {
        profile: 'balanced',
        ruler,
        conversation: '',
      })?.text;
      expect(out, name).toBeDefined();
      const lines = (out as string).split('\n');
      const header = lines.find((line) => line.includes(' ls -l entries as name and size')) as string;
      const stated = (label: string): string | undefined => new RegExp(`[:,] ${label} ([^,;]+)[,;]`).exec(header)?.[1];
      const entries = listingEntries(text.split('\n'));
      expect(header, name).toContain(`(${entries.length} ls -l entries`);
      for (const entry of entries) {
        const directory = entry.mode.startsWith('d');
        const shown = lines.find(
          (line) =>
            line === `${entry.name}${directory ? '/' : ''}` || line.startsWith(`${entry.name}${directory ? '/' : ''} `),
        );
        expect(shown, `${name}: ${entry.name}`).toBeDefined();
        const rest = ` ${(shown as string).slice(entry.name.length + (directory ? 1 : 0))} `;
        const usualMode = directory
          ? stated('directories')?.split(' ')[0]
          : entry.mode.startsWith('-')
            ? stated('files')
            : undefined;
        if (entry.mode !== usualMode) expect(rest, `${name}: ${entry.name} mode`).toContain(` ${entry.mode} `);
        if (!directory || entry.size !== stated('directories')?.split(' ')[1])
          expect(rest, `${name}: ${entry.name} size`).toContain(` ${entry.size} `);
        if (`${entry.owner} ${entry.group}` !== stated('owner'))
          expect(rest).toContain(` ${entry.owner} ${entry.group} `);
        if (entry.date !== stated('date')) expect(rest, `${name}: ${entry.name} date`).toContain(` ${entry.date} `);
      }
      // Lines that are no entry (`total 524`, the wrapper) stay as they were, in order.
      const others = text.split('\n').filter((_, index) => !entries.some((entry) => entry.line === index));
      expect(lines.filter((line) => others.includes(line))).toEqual(others.filter((line) => lines.includes(line)));
      for (const line of others) expect(lines, name).toContain(line);
    }
  });

  it('costs well under half the tokens of the listing as printed', () => {
    const before = listings.reduce((sum, { text }) => sum + ruler.count(text), 0);
    const after = listings.reduce(
      (sum, { text }) =>
        sum +
        ruler.count(
          listingCompressor.compress({ text, kind: 'text' }, { profile: 'balanced', ruler, conversation: '' })?.text ??
            text,
        ),
      0,
    );
    expect(after).toBeLessThan(before / 2);
  });

  it('leaves text that is not an ls -l listing, and the lossless profile, alone', () => {
    const [first] = listings;
    expect(
      listingCompressor.compress(
        { text: first?.text ?? '', kind: 'text' },
        { profile: 'lossless', ruler, conversation: '' },
      ),
    ).toBeNull();
    const prose = 'total 524\nThe build finished.\n'.repeat(10);
    expect(
      listingCompressor.compress({ text: prose, kind: 'text' }, { profile: 'balanced', ruler, conversation: '' }),
    ).toBeNull();
  });
});
