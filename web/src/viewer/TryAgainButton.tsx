import { useState } from 'react';
import { api, ok, type Asset } from '../api/client';
import { ErrorMessage } from '../app/ErrorMessage';

/**
 * Sends an asset whose processing failed through it again (once the cause is fixed, ffmpeg
 * installed say); the asset comes back `processing`, and the viewer follows it from there.
 */
export function TryAgainButton({ asset, onQueued }: { asset: Asset; onQueued(a: Asset): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function tryAgain() {
    setBusy(true);
    setError(undefined);
    try {
      const params = { path: { id: asset.id } };
      onQueued(await ok(api.POST('/api/assets/{id}/reprocess', { params })));
    } catch (e) {
      setError(`Could not try again: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void tryAgain()}>
        {busy ? 'Queuing…' : 'Try again'}
      </button>
      <ErrorMessage text={error} />
    </div>
  );
}
