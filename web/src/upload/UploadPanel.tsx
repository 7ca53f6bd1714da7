import { useState } from 'react';
import type { UploadItem } from './upload-item';
import { formatBytes, statusText, summarizeUploads, visibleUploads } from './upload-summary';

const MAX_ROWS = 200;

interface Props {
  items: readonly UploadItem[];
  onRetry(key: string): void;
  onClose(): void;
}

/** Bottom-right panel (a sheet on phones): total and per-file progress, duplicates, failures. */
export function UploadPanel({ items, onRetry, onClose }: Props) {
  const [collapsed, setCollapsed] = useState(false);
  const summary = summarizeUploads(items);
  const rows = visibleUploads(items, MAX_ROWS);
  const hidden = items.length - rows.length;

  return (
    <section className="upload-panel" aria-label="Uploads" data-collapsed={collapsed}>
      <header className="upload-panel-header">
        <p className="upload-headline" role="status">
          {summary.headline}
        </p>
        <button
          type="button"
          className="icon-button"
          aria-expanded={!collapsed}
          aria-controls="upload-list"
          aria-label={collapsed ? 'Show uploads' : 'Hide uploads'}
          onClick={() => setCollapsed(!collapsed)}
        >
          <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>
        </button>
        {!summary.active && (
          <button
            type="button"
            className="icon-button"
            aria-label="Close uploads"
            onClick={onClose}
          >
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </header>
      <progress
        className="upload-total"
        max={1}
        value={summary.fraction}
        aria-label="Total upload progress"
      />
      {!collapsed && (
        <ul className="upload-list" id="upload-list">
          {rows.map((item) => (
            <UploadRow key={item.key} item={item} onRetry={onRetry} />
          ))}
          {hidden > 0 && <li className="upload-more muted">and {hidden} more done</li>}
        </ul>
      )}
    </section>
  );
}

function UploadRow({ item, onRetry }: { item: UploadItem; onRetry(key: string): void }) {
  return (
    <li className="upload-row" data-status={item.status}>
      <div className="upload-row-line">
        <span className="upload-name" title={item.name}>
          {item.name}
        </span>
        <span className="upload-size muted">{formatBytes(item.size)}</span>
      </div>
      <div className="upload-row-line">
        <span className="upload-state">{statusText(item)}</span>
        {item.status === 'failed' && item.retryable && (
          <button type="button" className="upload-retry" onClick={() => onRetry(item.key)}>
            Retry
          </button>
        )}
      </div>
      {(item.status === 'uploading' || item.status === 'checking') && (
        <progress
          max={item.size || 1}
          value={item.status === 'uploading' ? item.bytesSent : undefined}
          aria-label={`${item.name}: upload progress`}
        />
      )}
    </li>
  );
}
