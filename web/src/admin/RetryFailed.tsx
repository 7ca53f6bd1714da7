import { useState } from 'react';
import { api, ok } from '../api/client';
import { emitAssetsChanged } from '../app/events';

const plural = (n: number) =>
  `${n.toLocaleString()} ${n === 1 ? 'photo or video' : 'photos and videos'}`;

/**
 * "Retry failed": every failed asset of every user through processing again, for after the cause
 * is fixed (ffmpeg installed, say). Shown while any asset has failed, or to report what it did.
 */
export function RetryFailed({ failed, onRetried }: { failed: number; onRetried(): void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; isError: boolean }>();

  async function retry() {
    if (!window.confirm(`Process ${plural(failed)} that failed again, for every user?`)) return;
    setBusy(true);
    setResult(undefined);
    try {
      const { count } = await ok(api.POST('/api/jobs/retry-failed'));
      setResult({ text: `${plural(count)} queued to be processed again.`, isError: false });
      emitAssetsChanged();
      onRetried();
    } catch (e) {
      setResult({ text: `Could not retry: ${(e as Error).message}`, isError: true });
    } finally {
      setBusy(false);
    }
  }

  if (failed === 0 && !result) return null;
  return (
    <div className="retry-failed">
      {failed > 0 && (
        <>
          <span className="error">{plural(failed)} failed processing.</span>{' '}
          <button type="button" disabled={busy} onClick={() => void retry()}>
            {busy ? 'Retrying…' : 'Retry failed'}
          </button>
        </>
      )}
      {result && (
        <p
          className={result.isError ? 'error' : 'admin-added'}
          role={result.isError ? 'alert' : 'status'}
        >
          {result.text}
        </p>
      )}
    </div>
  );
}
