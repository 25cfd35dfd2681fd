import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/core/iom-import/csv';
import { readFile } from '../../../electron/core/iom-import/file';

describe('the CSV reader (RFC 4180)', () => {
  it('reads quoted fields with commas, line breaks and doubled quotes; CRLF, LF', () => {
    expect(parseCsv('a,"b,c","d\r\ne","f""g"\r\nh,,\n')).toEqual({ ok: true, terminated: true, records: [['a', 'b,c', 'd\r\ne', 'f"g'], ['h', '', '']] });
    expect(parseCsv('a,b')).toEqual({ ok: true, terminated: false, records: [['a', 'b']] });
    expect(parseCsv('"",x\n')).toEqual({ ok: true, terminated: true, records: [['', 'x']] });
  });
  it('refuses a quote never closed, a quote inside a plain field and text after a closing quote', () => {
    expect(parseCsv('a,"b\n')).toEqual({ ok: false, error: 'unterminated_quote', record: 1 });
    expect(parseCsv('a\nb"c\n')).toEqual({ ok: false, error: 'bad_quote', record: 2 });
    expect(parseCsv('"a"b\n')).toEqual({ ok: false, error: 'bad_quote', record: 1 });
  });
  it('reads a file: BOM dropped, blank trailing lines ignored, details as JSON', () => {
    const f = readFile(new TextEncoder().encode('\uFEFFpacket_number,iom_reference,stage,date,details\nP-1,,follow_up,2026-11-22,"{""notes"":""Met, all well""}"\n\n'));
    expect(f).toEqual({ ok: true, rows: [{ row: 1, packetNumber: 'P-1', iomReference: '', stage: 'follow_up', date: '2026-11-22', parsed: { action: 'recordFollowUp', notes: 'Met, all well' }, invalid: null }] });
  });
});
