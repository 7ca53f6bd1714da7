import type { MoveProgress } from './move-installation.js';

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Shows a move's progress on stderr: one line per step, rewritten in place on a terminal, and on
 * anything else (a log) printed at most every few seconds, so a long copy neither floods the log
 * nor goes silent. Each step's last state stays on its own line.
 */
export class ProgressLine {
  private key: string | undefined;
  private text = '';
  private shown = '';
  private shownAt = 0;

  constructor(
    private readonly out: Output,
    private readonly now: () => number = Date.now,
  ) {}

  update(progress: MoveProgress): void {
    const { key, text } = describe(progress);
    if (key !== this.key) {
      this.settle();
      this.key = key;
      this.shownAt = 0;
    }
    this.text = text;
    const interval = this.out.isTTY ? 100 : 5000;
    if (this.now() - this.shownAt >= interval) this.show();
  }

  /** Leaves the last state on screen; call it before printing anything else. */
  settle(): void {
    if (this.key !== undefined && (this.out.isTTY || this.shown !== this.text)) this.show();
    if (this.key !== undefined && this.out.isTTY) this.out.write('\n');
    this.key = undefined;
  }

  private show(): void {
    this.out.write(this.out.isTTY ? `\r\x1b[2K${this.text}` : `${this.text}\n`);
    this.shown = this.text;
    this.shownAt = this.now();
  }
}

function describe(progress: MoveProgress): { key: string; text: string } {
  switch (progress.step) {
    case 'schema':
      return { key: 'schema', text: 'schema: bringing the target database up to date' };
    case 'rows':
      return {
        key: `rows ${progress.label}`,
        text: `rows: ${progress.label} ${progress.done}/${progress.total}`,
      };
    case 'blobs':
      return {
        key: 'blobs',
        text:
          `blobs: ${progress.copied} copied (${formatBytes(progress.bytesCopied)}), ` +
          `${progress.skipped} already in the target`,
      };
    case 'verify':
      return {
        key: 'verify',
        text: `verify: originals read back ${progress.checked}/${progress.total}`,
      };
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
