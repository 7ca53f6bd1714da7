/** SQLite allows a limited number of bound parameters per statement: long id lists go in parts. */
const CHUNK = 500;

export const chunksOf = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );
