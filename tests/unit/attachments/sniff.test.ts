import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../electron/core/attachments/sniff';
import { exeBytes, jpegBytes, pdfWith, pngBytes } from './fixtures';

describe('what a scan is, from its bytes', () => {
  it('knows a PDF, a JPEG and a PNG', () => {
    expect(sniffMediaType(pdfWith('x'))).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(sniffMediaType(jpegBytes())).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(sniffMediaType(Buffer.concat([jpegBytes(), Buffer.alloc(16)]))).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(sniffMediaType(pngBytes())).toEqual({ ok: true, mediaType: 'image/png' });
  });

  it('refuses a program, a cut-off file, an unknown kind and nothing at all, each with its reason', () => {
    const refusal = (b: Buffer) => {
      const r = sniffMediaType(b);
      return r.ok ? r.mediaType : r.messageKey;
    };
    expect(refusal(exeBytes())).toBe('attachments.error.executable');
    expect(refusal(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toBe('attachments.error.executable');
    expect(refusal(pdfWith('x').subarray(0, 40))).toBe('attachments.error.damaged');
    expect(refusal(jpegBytes().subarray(0, 10))).toBe('attachments.error.damaged');
    expect(refusal(pngBytes().subarray(0, 20))).toBe('attachments.error.damaged');
    const noIhdr = pngBytes();
    noIhdr.write('IDAT', 12, 'latin1');
    expect(refusal(noIhdr)).toBe('attachments.error.damaged');
    expect(refusal(Buffer.from('GIF89a....', 'latin1'))).toBe('attachments.error.unknown_type');
    expect(refusal(Buffer.from('hello, this is text', 'utf8'))).toBe('attachments.error.unknown_type');
    expect(refusal(Buffer.alloc(0))).toBe('attachments.error.empty');
  });
});
