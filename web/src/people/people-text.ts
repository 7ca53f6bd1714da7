/** What the people pages say about a person; pure, so that it is tested on its own. */

interface Named {
  id: string;
  name: string | null;
  hidden: boolean;
}

/** The name, or nothing for someone not yet named (an empty or blank name too). */
export const nameOf = (person: { name: string | null }): string => person.name?.trim() ?? '';

export const photoCount = (n: number): string =>
  `${n.toLocaleString()} ${n === 1 ? 'photo' : 'photos'}`;

/** The people the page shows: the hidden ones only when asked for. */
export function shownPeople<P extends Named>(people: readonly P[], showHidden: boolean): P[] {
  return showHidden ? [...people] : people.filter((p) => !p.hidden);
}

/**
 * The person already called `name` (ignoring case and surrounding spaces), for "Who is this?":
 * typing a known name puts the face with that person rather than making a second one.
 */
export function personNamed<P extends Named>(people: readonly P[], name: string): P | undefined {
  const wanted = name.trim().toLocaleLowerCase();
  if (!wanted) return undefined;
  return people.find((p) => nameOf(p).toLocaleLowerCase() === wanted);
}

/**
 * Merging keeps the first person selected (their name and face) and moves the others' faces to
 * them; the confirmation names who is kept, so the order of the clicks is no surprise.
 */
export function mergePlan<P extends Named>(
  selected: readonly P[],
): { into: P; others: P[] } | undefined {
  if (selected.length < 2) return undefined;
  const into = selected[0]!;
  return { into, others: selected.filter((p) => p.id !== into.id) };
}
