/**
 * One file in the upload panel, from the moment it is picked until its thumbnail exists.
 *
 * checking → uploading → processing → ready
 *          ↘ duplicate (its checksum, or the server, says it is already in the library)
 *  any step ↘ failed (with the server's reason; `retryable` when trying again may help)
 */
export type UploadStatus =
  'checking' | 'uploading' | 'processing' | 'ready' | 'duplicate' | 'failed';

export interface UploadItem {
  /** Ours, stable for the item's life (the uploader has its own ids). */
  key: string;
  name: string;
  size: number;
  bytesSent: number;
  status: UploadStatus;
  assetId?: string;
  /** Why it failed, or a note on a duplicate ("Restored from the trash"). */
  message?: string;
  retryable?: boolean;
}

/** Uploaded or skipped: nothing more goes over the wire for it. */
export const isSent = (item: UploadItem) =>
  item.status === 'processing' || item.status === 'ready' || item.status === 'duplicate';

/** Still moving: the panel stays open and the page warns before it is closed. */
export const isActive = (item: UploadItem) =>
  item.status === 'checking' || item.status === 'uploading' || item.status === 'processing';
