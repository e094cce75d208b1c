import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv-records.ts';

describe('csvRecords', () => {
  it('reads quoted commas, doubled quotes and CRLF rows the way loghub writes them', () => {
    const text = 'LineId,Time,Content\r\n1,"18:06:01,840","said ""hi"", then left"\r\n2,x,plain\r\n';
    expect(csvRecords(text)).toEqual([
      { LineId: '1', Time: '18:06:01,840', Content: 'said "hi", then left' },
      { LineId: '2', Time: 'x', Content: 'plain' },
    ]);
  });
});
