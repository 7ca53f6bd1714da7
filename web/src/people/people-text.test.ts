import { describe, expect, it } from 'vitest';
import { mergePlan, nameOf, personNamed, photoCount, shownPeople } from './people-text';

const p = (id: string, name: string | null, hidden = false) => ({ id, name, hidden });

describe('people text', () => {
  it('treats a blank name as no name', () => {
    expect(nameOf(p('a', '  Ada '))).toBe('Ada');
    expect(nameOf(p('a', '   '))).toBe('');
    expect(nameOf(p('a', null))).toBe('');
  });

  it('counts photos', () => {
    expect(photoCount(1)).toBe('1 photo');
    expect(photoCount(3)).toBe('3 photos');
  });

  it('leaves hidden people out unless asked for, keeping the order', () => {
    const people = [p('a', 'Ada'), p('b', null, true), p('c', null)];
    expect(shownPeople(people, false).map((x) => x.id)).toEqual(['a', 'c']);
    expect(shownPeople(people, true).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds a person by name, whatever the case and spaces', () => {
    const people = [p('a', 'Ada Lovelace'), p('b', null)];
    expect(personNamed(people, ' ada lovelace ')?.id).toBe('a');
    expect(personNamed(people, 'Grace')).toBeUndefined();
    expect(personNamed(people, '  ')).toBeUndefined();
  });

  it('merges the others into the first selected', () => {
    expect(mergePlan([p('a', null)])).toBeUndefined();
    const plan = mergePlan([p('a', null), p('b', 'Ada'), p('c', null)])!;
    expect([plan.into.id, plan.others.map((x) => x.id)]).toEqual(['a', ['b', 'c']]);
  });
});
