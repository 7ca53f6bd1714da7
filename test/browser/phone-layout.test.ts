import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { addUser, BOB, browserForSuite, signInAdmin, steps } from '../helpers/browser.js';

// Every page an admin can reach from the navigation (the "soon" pages aside), in its order.
const DESTINATIONS = [
  { label: 'Photos', path: '/' },
  { label: 'Favorites', path: '/favorites' },
  { label: 'Albums', path: '/albums' },
  { label: 'Sharing', path: '/sharing' },
  { label: 'People', path: '/people' },
  { label: 'Archive', path: '/archive' },
  { label: 'Duplicates', path: '/duplicates' },
  { label: 'Trash', path: '/trash' },
  { label: 'Administration', path: '/admin' },
];

/**
 * Where the element is cut off: by the window, or by an ancestor that clips its overflow (a
 * scrolled bottom bar); an empty list when all of it shows.
 */
async function clipping(locator: Locator): Promise<string[]> {
  // Plain data out of the page (tsx names functions, and the page has no __name helper).
  const seen = await locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const clippers: { tag: string; left: number; right: number; top: number; bottom: number }[] = [
      { tag: 'the window', left: 0, top: 0, right: innerWidth, bottom: innerHeight },
    ];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      clippers.push({
        tag: `<${a.tagName}>`,
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      });
    }
    const centre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
      clippers,
      covered: !centre || !el.contains(centre),
    };
  });
  const { box } = seen;
  const problems = seen.clippers
    .filter(
      (c) =>
        box.left < c.left - 0.5 ||
        box.right > c.right + 0.5 ||
        box.top < c.top - 0.5 ||
        box.bottom > c.bottom + 0.5,
    )
    .map((c) => `cut off by ${c.tag}: ${JSON.stringify(box)} in ${JSON.stringify(c)}`);
  if (seen.covered) problems.push('covered by another element');
  return problems;
}

/** Goes to a destination as a person on a phone would: on the bar, or under "More". */
async function reach(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const link = nav.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) await nav.getByRole('button', { name: 'More' }).tap();
  await link.waitFor();
  assert.deepEqual(await clipping(link), [], `${label} is not fully visible`);
  await link.tap();
}

describe('web app on a phone: navigation and the admin page', () => {
  const browser = browserForSuite('phone-layout', { phone: true });

  it('reaches every destination fully visible, and the admin page fits the width', async () => {
    const b = browser();
    const { page } = b;
    await steps(b, [
      [
        'an admin and a second user',
        async () => {
          await signInAdmin(b);
          await addUser(b, { ...BOB, name: 'Bob with a rather long name for a phone' });
          await page.goto(b.baseUrl);
          await page.getByRole('navigation', { name: 'Main' }).waitFor();
        },
      ],
      ...DESTINATIONS.map(
        ({ label, path }) =>
          [
            `${label} is reachable from the navigation`,
            async () => {
              await reach(page, label);
              await page.waitForURL((url) => url.pathname === path);
            },
          ] as [string, () => Promise<void>],
      ),
      [
        'the account page is reachable from the top bar',
        async () => {
          const account = page.getByRole('link', { name: 'Account' });
          assert.deepEqual(await clipping(account), []);
          await account.tap();
          await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
          await reach(page, 'Administration');
        },
      ],
      [
        'the admin page does not scroll sideways; its tables scroll in their own box',
        async () => {
          await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
          await page.getByRole('cell', { name: BOB.email }).waitFor();
          const widths = await page.evaluate(() => ({
            document: document.documentElement.scrollWidth,
            window: innerWidth,
            main: document.querySelector('main')!.scrollWidth,
            mainBox: document.querySelector('main')!.clientWidth,
            tables: [...document.querySelectorAll('.admin-table-wrap')].map(
              (t) => t.getBoundingClientRect().right,
            ),
          }));
          assert.ok(widths.document <= widths.window, JSON.stringify(widths));
          assert.ok(widths.main <= widths.mainBox, JSON.stringify(widths));
          assert.ok(widths.tables.length > 0);
          for (const right of widths.tables)
            assert.ok(right <= widths.window, JSON.stringify(widths));
        },
      ],
    ]);
  });
});
