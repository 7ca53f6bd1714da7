import { isActive, isSent, type UploadItem } from './upload-item';

export interface UploadSummary {
  total: number;
  sent: number;
  processing: number;
  ready: number;
  duplicates: number;
  failed: number;
  bytesSent: number;
  bytesTotal: number;
  /**
   * 0..1 over the bytes; a skipped duplicate counts as sent, a failed file not at all. See:
   * [Note: Upload progress with failures].
   */
  fraction: number;
  active: boolean;
  /** One line for the panel's header, e.g. "Uploading 12 of 40 · 230 MB of 1.2 GB". */
  headline: string;
}

/**
 * [Note: Upload progress with failures]
 * A failed file will send nothing more (unless retried), so it leaves the byte count: the bar
 * measures what is still to go and reaches its end when the batch does, and the headline says
 * how many failed. Counting a refused file's bytes as never sent kept the bar at about 90 % for
 * good after a batch of 62 with six refusals.
 */
export function summarizeUploads(items: readonly UploadItem[]): UploadSummary {
  let sent = 0;
  let processing = 0;
  let ready = 0;
  let duplicates = 0;
  let failed = 0;
  let bytesSent = 0;
  let bytesTotal = 0;
  let uploading = false;
  for (const item of items) {
    if (item.status === 'failed') {
      failed += 1;
      continue;
    }
    bytesTotal += item.size;
    bytesSent += isSent(item) ? item.size : Math.min(item.bytesSent, item.size);
    if (isSent(item)) sent += 1;
    if (item.status === 'processing') processing += 1;
    if (item.status === 'ready') ready += 1;
    if (item.status === 'duplicate') duplicates += 1;
    if (item.status === 'checking' || item.status === 'uploading') uploading = true;
  }
  const total = items.length;
  const fraction = bytesTotal > 0 ? bytesSent / bytesTotal : uploading ? 0 : 1;
  const summary = { total, sent, processing, ready, duplicates, failed, bytesSent, bytesTotal };
  return {
    ...summary,
    fraction,
    active: items.some(isActive),
    headline: headline(summary, uploading),
  };
}

function headline(s: Omit<UploadSummary, 'fraction' | 'active' | 'headline'>, uploading: boolean) {
  const failed = s.failed > 0 ? ` · ${s.failed} failed` : '';
  if (uploading)
    return `Uploading ${s.sent} of ${s.total - s.failed} · ${formatBytes(s.bytesSent)} of ${formatBytes(s.bytesTotal)}${failed}`;
  if (s.processing > 0)
    return `Processing ${count(s.processing, 'photo or video', 'photos and videos')}…${failed}`;
  const parts: string[] = [];
  const added = s.sent - s.duplicates;
  if (added > 0) parts.push(`${count(added, 'item', 'items')} added`);
  if (s.duplicates > 0) parts.push(`${s.duplicates} already in your library`);
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  return parts.join(' · ') || 'Nothing uploaded';
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Sizes as people read them: "980 KB", "230 MB", "1.2 GB" (decimal units, like the OS). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** What the panel says about one file. */
export function statusText(item: UploadItem): string {
  switch (item.status) {
    case 'checking':
      return 'Checking…';
    case 'uploading':
      return item.size > 0 ? `${Math.floor((100 * item.bytesSent) / item.size)}%` : 'Uploading…';
    case 'processing':
      return 'Processing…';
    case 'ready':
      return 'Ready';
    case 'duplicate':
      return item.message ?? 'Already in your library';
    case 'failed':
      return item.message ?? 'Failed';
  }
}

/**
 * The rows the panel shows, in upload order: a drop of thousands of files would make every
 * progress tick re-render thousands of rows, so past `max` the finished ones make way for
 * what still needs attention (moving or failed).
 */
export function visibleUploads(items: readonly UploadItem[], max: number): readonly UploadItem[] {
  if (items.length <= max) return items;
  const needsAttention = (item: UploadItem) =>
    item.status !== 'ready' && item.status !== 'duplicate';
  const shown = new Set(items.filter(needsAttention).slice(0, max));
  for (const item of items) {
    if (shown.size >= max) break;
    shown.add(item);
  }
  return items.filter((item) => shown.has(item));
}
