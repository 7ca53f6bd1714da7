import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { browserForSuite, signInAdmin, steps, type ApiTarget } from '../helpers/browser.js';

// A library spread thinly over time: one photo dated 2038, December and April 2026, ten days of
// November 2025 with one or two photos each, and one photo in every month of 2024.
const DATES = [
  '2038-05-10T12:00:00',
  '2026-12-01T12:00:00',
  '2026-04-10T12:00:00',
  ...Array.from({ length: 10 }, (_, d) =>
    Array.from({ length: 1 + (d % 2) }, (_, i) => `2025-11-${20 - d}T1${i}:00:00`),
  ).flat(),
  ...Array.from({ length: 12 }, (_, m) => `2024-${String(12 - m).padStart(2, '0')}-15T12:00:00`),
];

/** Uploads a distinct small square JPEG per date and moves each to its date. */
async function uploadDated(target: ApiTarget, dates: readonly string[]): Promise<void> {
  const { page, baseUrl } = target;
  const ids: string[] = [];
  for (const i of dates.keys()) {
    const buffer = await sharp({
      create: {
        width: 240,
        height: 240,
        channels: 3,
        background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 },
      },
    })
      .jpeg()
      .toBuffer();
    const upload = await page.request.post(`${baseUrl}/api/assets`, {
      multipart: { file: { name: `day-${i}.jpg`, mimeType: 'image/jpeg', buffer } },
    });
    assert.ok(upload.ok(), `upload answered ${upload.status()}`);
    ids.push(((await upload.json()) as { id: string }).id);
  }
  for (const [i, id] of ids.entries()) {
    for (let tries = 0; ; tries++) {
      const asset = (await (await page.request.get(`${baseUrl}/api/assets/${id}`)).json()) as {
        status: string;
      };
      if (asset.status !== 'processing') break;
      assert.ok(tries < 300, `asset ${id} is still processing`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const moved = await page.request.patch(`${baseUrl}/api/assets/${id}`, {
      data: { takenAt: dates[i] },
    });
    assert.ok(moved.ok(), `moving ${id} answered ${moved.status()}`);
  }
}

describe('web app: timeline layout and scrubber', () => {
  const browser = browserForSuite('timeline-layout');

  it('packs small days side by side on a laptop, and labels every year on the scrubber', async () => {
    const b = browser();
    const { page } = b;
    await steps(b, [
      [
        'an admin with a thinly spread library',
        async () => {
          await signInAdmin(b);
          await uploadDated(b, DATES);
        },
      ],
      [
        'on a 1366-pixel laptop, several days of November 2025 share one row',
        async () => {
          await page.setViewportSize({ width: 1366, height: 768 });
          await page.goto(b.baseUrl);
          const november = page.locator('.grid-month', { hasText: /November.*2025/ });
          await november.waitFor();
          await november.scrollIntoViewIfNeeded();
          await page
            .locator('.grid-day')
            .filter({ hasText: /Nov 20\b/ })
            .waitFor();
          const rows = await page.evaluate(() => {
            const byTop = new Map<number, { left: number; right: number }[]>();
            for (const day of document.querySelectorAll<HTMLElement>('.grid-day')) {
              const r = day.getBoundingClientRect();
              const top = Math.round(r.top);
              byTop.set(top, [...(byTop.get(top) ?? []), { left: r.left, right: r.right }]);
            }
            return [...byTop.values()];
          });
          const widest = Math.max(...rows.map((row) => row.length));
          assert.ok(widest >= 3, `at most ${widest} day heading(s) share a row`);
          for (const row of rows) {
            row.sort((x, y) => x.left - y.left);
            for (let i = 1; i < row.length; i++)
              assert.ok(row[i]!.left >= row[i - 1]!.right, 'day headings overlap');
          }
        },
      ],
      [
        'in a short window, the scrubber labels 2038, 2026, 2025 and 2024 apart',
        async () => {
          await page.setViewportSize({ width: 1366, height: 300 });
          await page.evaluate(() => document.querySelector('.grid-scroll')!.scrollTo(0, 0));
          await page.waitForFunction(() => document.querySelectorAll('.scrubber-year').length >= 3);
          const labels = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.scrubber-year')].map((l) => ({
              year: l.textContent!,
              top: l.getBoundingClientRect().top,
              bottom: l.getBoundingClientRect().bottom,
            })),
          );
          assert.deepEqual(
            labels.map((l) => l.year),
            ['2038', '2026', '2025', '2024'],
          );
          for (let i = 1; i < labels.length; i++)
            assert.ok(labels[i]!.top >= labels[i - 1]!.bottom, 'year labels overlap');
        },
      ],
    ]);
  });
});
