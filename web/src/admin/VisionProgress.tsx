import { useState } from 'react';
import { api, ok } from '../api/client';
import type { StepLine } from './vision-progress';

/**
 * "Faces: 12,345 of 80,000" for each vision step that is on, with its failures and a button
 * that queues the step for the assets that lack it (a library uploaded before it was on).
 */
export function VisionProgress({ lines, onQueued }: { lines: StepLine[]; onQueued(): void }) {
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<{ text: string; isError: boolean }>();
  if (lines.length === 0) return null;

  async function backfill(line: StepLine) {
    setBusy(line.step);
    setResult(undefined);
    try {
      const { queued } = await ok(
        api.POST('/api/jobs/{step}/backfill', { params: { path: { step: line.step } } }),
      );
      setResult({
        text: `${line.label}: ${queued.toLocaleString()} ${queued === 1 ? 'photo' : 'photos'} queued.`,
        isError: false,
      });
      onQueued();
    } catch (e) {
      setResult({
        text: `${line.label} could not be queued: ${(e as Error).message}`,
        isError: true,
      });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="vision-progress">
      <h3>Recognition</h3>
      <ul>
        {lines.map((line) => (
          <li key={line.step} data-step={line.step}>
            <span>{line.text}</span>
            {line.failed > 0 && (
              <span className="error"> · {line.failed.toLocaleString()} failed</span>
            )}{' '}
            <button
              type="button"
              disabled={busy !== undefined}
              onClick={() => void backfill(line)}
              aria-label={`Run for missing: ${line.label}`}
            >
              {busy === line.step ? 'Queueing…' : 'Run for missing'}
            </button>
          </li>
        ))}
      </ul>
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
