import { describe, expect, it } from 'vitest';
import { isAcceptedFile, looksLikeMedia, UPLOAD_ACCEPT } from './accept';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );

describe('isAcceptedFile', () => {
  it('takes photos and videos by their type', () => {
    expect(isAcceptedFile({ name: 'a.jpg', type: 'image/jpeg' })).toBe(true);
    expect(isAcceptedFile({ name: 'clip', type: 'video/quicktime' })).toBe(true);
  });

  it('takes RAW, HEIF and JPEG XL files that the browser gives no type', () => {
    for (const name of ['IMG_1.HEIC', 'a.heif', 'b.DNG', 'c.cr3', 'd.nef', 'e.ARW', 'f.jxl'])
      expect(isAcceptedFile({ name, type: '' }), name).toBe(true);
    expect(isAcceptedFile({ name: 'x.CR2', type: 'application/octet-stream' })).toBe(true);
  });

  it('takes the camera files browsers leave untyped: Canon CRW, Kodak KDC, GoPro GPR, AVI', () => {
    for (const name of ['CRW_0305.CRW', 'P003913.KDC', 'GOPR8513.GPR', 'MVI_0121.AVI', '00001.MTS'])
      expect(isAcceptedFile({ name, type: '' }), name).toBe(true);
  });

  it('takes a file by its first bytes when neither type nor name tell', () => {
    const heads = {
      jpeg: bytes([0xff, 0xd8, 0xff, 0xe1]),
      crw: bytes('II', [0x1a, 0, 0, 0], 'HEAPCCDR'),
      tiff: bytes('II*', [0]),
      avi: bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'),
      mp4: bytes([0, 0, 0, 0x18], 'ftypisom'),
      cr3: bytes([0, 0, 0, 0x18], 'ftypcrx '),
    };
    for (const [kind, head] of Object.entries(heads)) {
      expect(looksLikeMedia(head), kind).toBe(true);
      expect(isAcceptedFile({ name: 'DOWNLOAD', type: '' }, head), kind).toBe(true);
      expect(isAcceptedFile({ name: 'x.bin', type: 'application/octet-stream' }, head)).toBe(true);
    }
  });

  it('refuses documents and other files', () => {
    expect(isAcceptedFile({ name: 'notes.pdf', type: 'application/pdf' })).toBe(false);
    expect(isAcceptedFile({ name: 'notes.pdf', type: 'application/pdf' }, bytes('%PDF-1.4'))).toBe(
      false,
    );
    expect(isAcceptedFile({ name: 'archive.zip', type: '' }, bytes('PK', [3, 4]))).toBe(false);
    expect(isAcceptedFile({ name: 'page', type: '' }, bytes('<!doctype html>'))).toBe(false);
    expect(isAcceptedFile({ name: 'heic', type: '' })).toBe(false);
    expect(looksLikeMedia(new Uint8Array())).toBe(false);
  });

  it('offers the same extensions to the file picker', () => {
    expect(UPLOAD_ACCEPT.split(',').slice(0, 2)).toEqual(['image/*', 'video/*']);
    for (const extension of ['.heic', '.cr3', '.crw', '.kdc', '.gpr', '.avi', '.mts'])
      expect(UPLOAD_ACCEPT.split(','), extension).toContain(extension);
  });
});
