import { describe, expect, it } from 'vitest';
import { ReportInputError } from '../errors.ts';
import { README_TABLE_END, README_TABLE_START, updateReadmeTable } from './readme-table.ts';

const README = [
  '# terse',
  '',
  'Shrinks what agents send to the model.',
  '',
  README_TABLE_START,
  '| old | table |',
  README_TABLE_END,
  '',
  '## Install',
  '',
].join('\n');

describe('updateReadmeTable', () => {
  it('replaces only what lies between the markers', () => {
    const updated = updateReadmeTable(README, '| new | table |\n|---|---|');
    expect(updated).toBe(README.replace('| old | table |', '| new | table |\n|---|---|'));
  });

  it('round-trips: the last table wins and updating twice changes nothing', () => {
    const once = updateReadmeTable(README, '| a |');
    expect(updateReadmeTable(updateReadmeTable(README, '| b |'), '| a |')).toBe(once);
    expect(updateReadmeTable(once, '| a |')).toBe(once);
  });

  it('fills an empty section', () => {
    const bare = `intro\n${README_TABLE_START}${README_TABLE_END}\noutro\n`;
    expect(updateReadmeTable(bare, '| t |')).toBe(`intro\n${README_TABLE_START}\n| t |\n${README_TABLE_END}\noutro\n`);
  });

  it('names the missing marker', () => {
    const noEnd = README.replace(README_TABLE_END, '');
    expect(() => updateReadmeTable(noEnd, '| t |')).toThrow(ReportInputError);
    try {
      updateReadmeTable(noEnd, '| t |');
    } catch (error) {
      expect(error).toMatchObject({ where: `README marker ${README_TABLE_END}`, reason: 'missing' });
    }
    expect(() => updateReadmeTable('no markers here', '| t |')).toThrow(/bench:start/);
  });

  it('refuses markers out of order, repeated, or inside the table', () => {
    const swapped = `${README_TABLE_END}\n${README_TABLE_START}`;
    expect(() => updateReadmeTable(swapped, '| t |')).toThrow(ReportInputError);
    expect(() => updateReadmeTable(`${README}\n${README_TABLE_START}`, '| t |')).toThrow(/more than once/);
    expect(() => updateReadmeTable(README, `| ${README_TABLE_END} |`)).toThrow(ReportInputError);
  });
});
