import { describe, expect, it } from 'vitest';
import { reasonSentence } from './failure-text';

describe('reasonSentence', () => {
  it('makes a sentence of a reason: a capital first, a full stop last', () => {
    expect(reasonSentence('the picture could not be read: it is cut short', 'x')).toBe(
      'The picture could not be read: it is cut short.',
    );
    expect(reasonSentence('The video could not be read.', 'x')).toBe(
      'The video could not be read.',
    );
  });

  it('shows only the first line of a longer text', () => {
    expect(reasonSentence('  Not a picture\nat decode (worker.js:12)\n', 'x')).toBe(
      'Not a picture.',
    );
  });

  it('says the fallback when there is no reason', () => {
    for (const reason of [null, undefined, '', '  \n'])
      expect(reasonSentence(reason, 'the reason is unknown')).toBe('The reason is unknown.');
  });
});
