import { formatFileSize } from '../viewer/format-info';
import type { DuplicateCopy } from './duplicates-api';

/**
 * What tells the copies of one photo apart: "4,000 × 3,000 · 1.9 MB · sharpness 100 %", the
 * sharpness relative to the group's sharpest (its absolute value means nothing to a person).
 */
export function describeCopy(copy: DuplicateCopy, group: readonly DuplicateCopy[]): string {
  const parts: string[] = [];
  if (copy.width && copy.height)
    parts.push(`${copy.width.toLocaleString('en')} × ${copy.height.toLocaleString('en')}`);
  parts.push(formatFileSize(copy.fileSize));
  const sharpest = Math.max(...group.map((c) => c.sharpness));
  if (sharpest > 0) parts.push(`sharpness ${Math.round((100 * copy.sharpness) / sharpest)} %`);
  return parts.join(' · ');
}

export const trashedNotice = (count: number): string =>
  `${count} ${count === 1 ? 'photo' : 'photos'} moved to the trash.`;
