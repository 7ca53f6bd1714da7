import { describe, expect, it } from 'vitest';
import { isAcceptedFile, UPLOAD_ACCEPT } from './accept';

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

  it('refuses documents and other files', () => {
    expect(isAcceptedFile({ name: 'notes.pdf', type: 'application/pdf' })).toBe(false);
    expect(isAcceptedFile({ name: 'archive.zip', type: '' })).toBe(false);
    expect(isAcceptedFile({ name: 'heic', type: '' })).toBe(false);
  });

  it('offers the same extensions to the file picker', () => {
    expect(UPLOAD_ACCEPT).toBe(
      'image/*,video/*,.heic,.heif,.dng,.cr2,.cr3,.nef,.arw,.raf,.orf,.rw2,.jxl',
    );
  });
});
