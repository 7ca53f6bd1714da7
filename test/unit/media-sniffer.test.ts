import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileTypeSniffer } from '../../src/adapters/media/file-type-sniffer.js';
import { corpusPath } from '../helpers/corpus.js';

const HTML = '<!doctype html><html><script>document.title = "pwned"</script></html>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

async function headOf(relativePath: string): Promise<Buffer> {
  return (await readFile(corpusPath(relativePath))).subarray(0, fileTypeSniffer.headBytes);
}

/** A page that starts as file-type's MPEG-TS test wants: "G" at 0 and at 188. */
function pageWithTwoSyncBytes(): Buffer {
  const page = Buffer.from(`G${HTML}`.padEnd(4096, ' '));
  page[188] = 0x47;
  return page;
}

describe('the upload sniffer', () => {
  it('refuses markup whatever its name', async () => {
    for (const name of ['holiday.mts', 'holiday.m2ts', 'photo.crw', 'photo.kdc', 'a.x3f', 'a.mrw'])
      for (const body of [HTML, SVG])
        assert.equal(await fileTypeSniffer.detect(Buffer.from(body), name), undefined, name);
    assert.equal(await fileTypeSniffer.detect(pageWithTwoSyncBytes(), 'holiday.mts'), undefined);
  });

  it('admits camera files the content proves, whatever their name', async () => {
    const crw = await headOf('raw/CRW_0305.CRW');
    assert.deepEqual(await fileTypeSniffer.detect(crw, 'CRW_0305.CRW'), {
      type: 'image',
      mimeType: 'image/x-canon-crw',
    });
    assert.equal((await fileTypeSniffer.detect(crw, 'renamed.bin'))?.mimeType, 'image/x-canon-crw');
    const kdc = await headOf('raw/P003913.KDC');
    assert.equal((await fileTypeSniffer.detect(kdc, 'P003913.KDC'))?.mimeType, 'image/x-kodak-kdc');
  });

  it('admits an MPEG transport stream by its packets, 188 or 192 bytes long', async () => {
    for (const [size, offset] of [
      [188, 0],
      [192, 4],
    ] as const) {
      const stream = Buffer.alloc(size * 40);
      for (let packet = 0; packet < 40; packet += 1) stream[packet * size + offset] = 0x47;
      assert.deepEqual(await fileTypeSniffer.detect(stream, 'clip.m2ts'), {
        type: 'video',
        mimeType: 'video/mp2t',
      });
    }
  });
});
