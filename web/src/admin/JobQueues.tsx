import { useCallback, useState } from 'react';
import { api, ok } from '../api/client';
import { RetryFailed } from './RetryFailed';
import { QUEUE_LABELS, summarizeJobs, type QueueCounts } from './job-summary';
import { useVisibleInterval } from './use-visible-interval';
import { stepLines, type StepProgress } from './vision-progress';
import { VisionProgress } from './VisionProgress';
import { ErrorMessage } from '../app/ErrorMessage';

const COLUMNS = ['waiting', 'active', 'completed', 'failed'] as const;

/** Job counts per queue, refreshed every 2 seconds while the page is visible. */
export function JobQueues() {
  const [queues, setQueues] =
    useState<Record<string, QueueCounts & { steps?: Record<string, StepProgress> }>>();
  const [failedAssets, setFailedAssets] = useState(0);
  const [error, setError] = useState<string>();
  const refresh = useCallback(() => {
    Promise.all([ok(api.GET('/api/jobs')), ok(api.GET('/api/jobs/failed-assets'))]).then(
      ([counts, failed]) => {
        setQueues(counts);
        setFailedAssets(failed.count);
        setError(undefined);
      },
      (e: Error) => setError(`The job counts could not be loaded: ${e.message}`),
    );
  }, []);
  useVisibleInterval(refresh, 2000);

  const summary = queues && summarizeJobs(queues);
  return (
    <section className="admin-section" aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Processing</h2>
      <ErrorMessage text={error} />
      {!queues && !error && <p aria-busy="true">Loading…</p>}
      {summary && queues && (
        <>
          <p className="admin-headline" role="status">
            {summary.headline}
          </p>
          <RetryFailed failed={failedAssets} onRetried={refresh} />
          <VisionProgress lines={stepLines(queues)} onQueued={refresh} />
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">Jobs per queue</caption>
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c} className="number">
                      {c[0]!.toUpperCase() + c.slice(1)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Object.entries(queues).map(([name, counts]) => (
                  <tr key={name}>
                    <th scope="row">
                      {QUEUE_LABELS[name] ?? name}
                      <span className="muted queue-name"> {name}</span>
                    </th>
                    {COLUMNS.map((c) => (
                      <td
                        key={c}
                        className={c === 'failed' && counts.failed > 0 ? 'number error' : 'number'}
                      >
                        {counts[c].toLocaleString()}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
