import { describe, expect, it } from 'vitest';
import { stepLines } from './vision-progress';

const counts = { waiting: 0, active: 0, completed: 0, failed: 0 };
const p = (done: number, total: number, failed = 0) => ({
  version: 'v1',
  total,
  done,
  failed,
  pending: total - done - failed,
});

describe('stepLines', () => {
  it('says how far each vision step has come, with what is left and what failed', () => {
    const lines = stepLines({
      thumbnails: counts,
      vision: { ...counts, steps: { faces: p(12345, 80000, 5), ocr: p(3, 3) } },
    });
    expect(lines).toEqual([
      {
        step: 'faces',
        label: 'Faces',
        text: `Faces: ${(12345).toLocaleString()} of ${(80000).toLocaleString()}`,
        failed: 5,
        missing: 67650,
      },
      { step: 'ocr', label: 'Text', text: 'Text: 3 of 3', failed: 0, missing: 0 },
    ]);
  });

  it('shows a step it has no name for by its own, and nothing without vision', () => {
    expect(stepLines({ vision: { ...counts, steps: { sky: p(1, 2) } } })[0]!.text).toBe(
      'sky: 1 of 2',
    );
    expect(stepLines({ thumbnails: counts })).toEqual([]);
  });
});
