import type { MoveReport } from './move-installation.js';
import { formatBytes } from './progress-line.js';

/** The report as a person reads it at the end of a run. */
export function formatSummary(report: MoveReport): string {
  const width = Math.max(...report.tables.map((t) => t.table.length));
  const lines = [
    'Rows in the target (expected):',
    ...report.tables.map(
      (t) =>
        `  ${t.table.padEnd(width)}  ${t.found} (${t.expected})${t.found === t.expected ? '' : '  MISMATCH'}`,
    ),
    `Timeline months: ${report.buckets.target} in the target, ${report.buckets.source} in the source`,
    `Queued jobs: written for the ${report.toQueue === 'redis' ? 'Redis queue (job_outbox, relayed when the target starts)' : 'database queue (jobs)'}`,
  ];
  const { completed, failed } = report.jobsNotCarried;
  if (completed + failed > 0)
    lines.push(
      `  not carried: ${completed} completed and ${failed} failed jobs (history the Redis queue cannot take)`,
    );
  const { blobs } = report;
  lines.push(
    `Blobs: ${blobs.seen} in the source, ${blobs.copied} copied (${formatBytes(blobs.bytesCopied)}), ${blobs.skipped} already in the target`,
    `Originals read back and checked: ${report.originalsChecked}`,
  );
  if (report.verified) {
    lines.push('Verified: the target is a complete copy; start Keepsake on it.');
  } else {
    lines.push(`NOT verified: ${report.problemCount} problem(s):`);
    lines.push(...report.problems.map((problem) => `  - ${problem}`));
    if (report.problemCount > report.problems.length)
      lines.push(`  ... and ${report.problemCount - report.problems.length} more`);
  }
  return lines.join('\n');
}
