import type { ReactNode } from 'react';

/**
 * What a list page shows instead of its list: the load's error with Try again, Loading… until the
 * first answer, or the empty message once the list came back with nothing in it.
 */
export function ListStates({
  items,
  error,
  onRetry,
  emptyTitle,
  emptyText,
}: {
  items: readonly unknown[] | undefined;
  error: string | undefined;
  onRetry: () => void;
  emptyTitle: string;
  emptyText: ReactNode;
}) {
  return (
    <>
      {error && <LoadError error={error} onRetry={onRetry} />}
      {items === undefined && !error && <Loading />}
      {items?.length === 0 && (
        <section className="empty">
          <h2>{emptyTitle}</h2>
          <p className="muted">{emptyText}</p>
        </section>
      )}
    </>
  );
}

/** A load that failed, with Try again. */
export function LoadError({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <p className="error" role="alert">
      {error}{' '}
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}

export function Loading() {
  return (
    <p className="muted" aria-busy="true">
      Loading…
    </p>
  );
}
