import { api } from '../api/client';
import { emitAssetsChanged } from '../app/events';

export type ProcessingOutcome = { status: 'ready' } | { status: 'failed'; message: string };

const INTERVAL_MS = 1000;
/** Asked per round; more wait for the next one. */
const PER_ROUND = 40;

/**
 * Asks the server about freshly uploaded assets every second until each leaves "processing",
 * then tells every page that lists assets (the timeline shows the new thumbnails). Stops when
 * nothing is left to watch.
 */
export class ProcessingWatch {
  private readonly watched = new Map<string, string>(); // asset id → upload key
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly settled: (key: string, outcome: ProcessingOutcome) => void) {}

  add(assetId: string, key: string): void {
    this.watched.set(assetId, key);
    this.timer ??= setTimeout(() => void this.round(), INTERVAL_MS);
  }

  private async round(): Promise<void> {
    const ids = [...this.watched.keys()].slice(0, PER_ROUND);
    const answers = await Promise.all(
      ids.map((id) =>
        api.GET('/api/assets/{id}', { params: { path: { id } } }).catch(() => undefined),
      ),
    );
    let changed = false;
    answers.forEach((answer, i) => {
      const id = ids[i]!;
      const key = this.watched.get(id)!;
      // No answer (offline, server restarting): ask again next round.
      if (!answer) return;
      const asset = answer.data;
      if (answer.response.status === 404) {
        this.finish(id, key, { status: 'failed', message: 'It was deleted while processing.' });
      } else if (asset && asset.status !== 'processing') {
        changed = true;
        this.finish(
          id,
          key,
          asset.status === 'ready'
            ? { status: 'ready' }
            : { status: 'failed', message: asset.error ?? 'Keepsake could not process it.' },
        );
      }
    });
    if (changed) emitAssetsChanged();
    this.timer = undefined;
    if (this.watched.size > 0) this.timer = setTimeout(() => void this.round(), INTERVAL_MS);
  }

  private finish(id: string, key: string, outcome: ProcessingOutcome) {
    this.watched.delete(id);
    this.settled(key, outcome);
  }
}
