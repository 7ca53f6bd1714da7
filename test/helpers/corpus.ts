import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;

export const corpusPath = (relativePath: string): string => join(CORPUS, relativePath);

/** The corpus files in a folder, as paths relative to the corpus root. */
export async function corpusFiles(folder: string, pattern = /\.(jpe?g|mpo)$/i): Promise<string[]> {
  return (await readdir(join(CORPUS, folder)))
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}

export type Truth = Record<string, unknown>;

/** What ExifTool read from a corpus file (`exiftool -json -G1 -n -struct`). */
export async function readTruth(relativePath: string): Promise<Truth> {
  const parsed = JSON.parse(
    await readFile(join(CORPUS, 'truth', `${relativePath}.json`), 'utf8'),
  ) as Truth | Truth[];
  return Array.isArray(parsed) ? parsed[0]! : parsed;
}
