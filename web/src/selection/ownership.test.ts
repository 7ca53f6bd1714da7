import { describe, expect, it } from 'vitest';
import { item } from '../timeline/test-items';
import { isMixed, othersNote, ownershipOf, ownersPossessive, ownLabel } from './ownership';

const mine = (id: string) => item(id, '2026-05-01T10:00:00');
const theirs = (id: string, ownerId: string) => ({ ...mine(id), ownerId });
const names = new Map([
  ['u-alice', 'Alice'],
  ['u-bob', 'Bob'],
  ['u-carl', 'Carl'],
]);

describe('ownership of a selection', () => {
  it('splits my items from everyone else’s, the owner with most first', () => {
    const o = ownershipOf([
      mine('a'),
      theirs('b', 'u-bob'),
      theirs('c', 'u-alice'),
      mine('d'),
      theirs('e', 'u-alice'),
    ]);
    expect(o.own.map((i) => i.id)).toEqual(['a', 'd']);
    expect(o.others).toEqual([
      { ownerId: 'u-alice', count: 2 },
      { ownerId: 'u-bob', count: 1 },
    ]);
    expect(o.total).toBe(5);
    expect(isMixed(o)).toBe(true);
  });

  it('labels the owner’s actions with how many they apply to, only when that is fewer', () => {
    const all = ownershipOf([mine('a'), mine('b')]);
    expect(ownLabel('Move to trash', all)).toBe('Move to trash');
    const mixed = ownershipOf([
      mine('a'),
      mine('b'),
      mine('c'),
      ...['d', 'e'].map((id) => theirs(id, 'u-alice')),
    ]);
    expect(ownLabel('Move to trash', mixed)).toBe('Move to trash (3 of 5)');
    // None mine: the bar leaves the action out rather than offering "0 of 2".
    expect(isMixed(ownershipOf([theirs('d', 'u-alice')]))).toBe(false);
  });

  it('says whose the others are, and that only mine change', () => {
    const mixed = ownershipOf([
      mine('a'),
      mine('b'),
      mine('c'),
      theirs('d', 'u-alice'),
      theirs('e', 'u-alice'),
    ]);
    expect(othersNote(mixed, names)).toBe('2 are Alice’s; only your 3 are changed.');
    expect(othersNote(ownershipOf([mine('a'), theirs('d', 'u-bob')]), names)).toBe(
      '1 is Bob’s; only yours is changed.',
    );
    expect(othersNote(ownershipOf([mine('a')]), names)).toBeUndefined();
  });

  it('says so when nothing selected is mine', () => {
    expect(othersNote(ownershipOf([theirs('d', 'u-alice')]), names)).toBe(
      'This is Alice’s to change; you can download it.',
    );
    expect(othersNote(ownershipOf([theirs('d', 'u-alice'), theirs('e', 'u-bob')]), names)).toBe(
      'These are Alice’s and Bob’s to change; you can download them.',
    );
  });

  it('names several owners, or none when a name is not known (yet)', () => {
    const others = (...ids: string[]) => ids.map((ownerId) => ({ ownerId, count: 1 }));
    expect(ownersPossessive(others('u-alice'), names)).toBe('Alice’s');
    expect(ownersPossessive(others('u-alice', 'u-bob', 'u-carl'), names)).toBe(
      'Alice’s, Bob’s and Carl’s',
    );
    expect(ownersPossessive(others('u-alice', 'u-gone'), names)).toBe('someone else’s');
    expect(ownersPossessive(others('u-alice'), new Map())).toBe('someone else’s');
  });
});
