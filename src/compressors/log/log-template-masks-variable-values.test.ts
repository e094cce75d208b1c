import { describe, expect, it } from 'vitest';
import { logTemplate } from './log-template.ts';

describe('logTemplate masks what varies between repeats of one event', () => {
  it('drops the timestamp and masks numbers inside identifiers', () => {
    const a = logTemplate(
      '2015-10-18 18:02:17,027 INFO [IPC Server handler 4 on 62270] Progress of TaskAttempt attempt_1445144423722_0020_m_000002_0 is : 0.38137424',
    );
    const b = logTemplate(
      '2015-10-18 18:06:28,170 INFO [IPC Server handler 19 on 62270] Progress of TaskAttempt attempt_1445144423722_0020_m_000007_0 is : 0.9',
    );
    expect(a).toBe(b);
    expect(a).toBe('INFO [IPC Server handler <*> on <*>] Progress of TaskAttempt attempt_<*>_<*>_m_<*>_<*> is : <*>');
  });

  it('masks uuids inside request ids, hex ids and addresses whole', () => {
    const line =
      'nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b-2096-447d-96ea-a692162415ae 113d3a99c3da401fbd62cc2caa5b96d2] 10.11.10.1 "GET /v2/servers HTTP/1.1" status: 200';
    expect(logTemplate(line)).toContain('[req-<id> <hex>] <ip> "GET /v<*>/servers');
  });

  it('keeps words apart: different messages stay different templates', () => {
    expect(logTemplate('INFO connected to db-1')).not.toBe(logTemplate('INFO disconnected from db-1'));
  });
});
