import { describe, expect, it } from 'vitest';
import { summarizeJobs } from './job-summary';

const q = (waiting: number, active: number, completed = 0, failed = 0) => ({
  waiting,
  active,
  completed,
  failed,
});

describe('summarizeJobs', () => {
  it('counts assets waiting or running before they are ready', () => {
    const s = summarizeJobs({
      metadata: q(3, 1, 10),
      thumbnails: q(2, 2, 8, 1),
      transcode: q(0, 0),
    });
    expect(s.processing).toBe(8);
    expect(s.failed).toBe(1);
    expect(s.headline).toBe('8 photos and videos still processing');
  });

  it('names video encoding apart: those videos already show', () => {
    const s = summarizeJobs({ metadata: q(0, 0), thumbnails: q(0, 1), transcode: q(1, 1) });
    expect(s.headline).toBe('1 photo or video still processing · 2 videos being encoded');
  });

  it('says when all is done, and tolerates missing or unknown queues', () => {
    expect(summarizeJobs({}).headline).toBe('Everything is processed');
    expect(summarizeJobs({ faces: q(5, 0) }).processing).toBe(0);
  });
});
