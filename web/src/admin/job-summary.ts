export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
}

/**
 * Queues an asset passes through, one at a time, before it turns "ready" (metadata, then
 * thumbnails; see [Note: Pipeline] in src/core/jobs/pipeline.ts). An asset waits or runs in
 * exactly one of them, so their pending jobs count the assets still processing. `transcode`
 * runs beside thumbnails and does not hold an asset back, so it is counted apart.
 */
const BEFORE_READY = ['metadata', 'thumbnails'];
const PLAYBACK = 'transcode';

export interface JobSummary {
  /** Photos and videos not yet ready. */
  processing: number;
  /** Videos still being encoded for playback (already visible). */
  encoding: number;
  failed: number;
  /** Human sentence for the page's headline. */
  headline: string;
}

export function summarizeJobs(queues: Record<string, QueueCounts>): JobSummary {
  const pending = (name: string) => (queues[name]?.waiting ?? 0) + (queues[name]?.active ?? 0);
  const processing = BEFORE_READY.reduce((sum, name) => sum + pending(name), 0);
  const encoding = pending(PLAYBACK);
  const failed = Object.values(queues).reduce((sum, q) => sum + q.failed, 0);
  const parts = [
    processing === 0
      ? 'Everything is processed'
      : `${processing} ${processing === 1 ? 'photo or video' : 'photos and videos'} still processing`,
  ];
  if (encoding > 0) parts.push(`${encoding} ${encoding === 1 ? 'video' : 'videos'} being encoded`);
  return { processing, encoding, failed, headline: parts.join(' · ') };
}

/** Display names for the queues the server has today; others show as they are named. */
export const QUEUE_LABELS: Record<string, string> = {
  metadata: 'Reading metadata',
  thumbnails: 'Making thumbnails',
  transcode: 'Encoding videos',
  memories: 'Choosing memories',
};
