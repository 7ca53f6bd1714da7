import Uppy from '@uppy/core';
import Tus, { type TusBody } from '@uppy/tus';

// Loaded with import() on the first upload: Uppy and tus-js-client stay out of the first page load.

/** What Keepsake's tus endpoint answers on the last PATCH (src/http/uploads/tus-routes.ts). */
export interface UploadResult {
  id: string;
  status: 'created' | 'duplicate';
}

export interface UploaderEvents {
  progress(key: string, bytesSent: number): void;
  success(key: string, result: UploadResult): void;
  /** `retryable`: false when the server refused the file itself (trying again will not help). */
  error(key: string, message: string, retryable: boolean): void;
}

export interface Uploader {
  upload(key: string, file: File): void;
  retry(key: string): boolean;
}

type FileMeta = {
  name: string;
  type: string;
  key: string;
  fileModifiedAt: string;
  deviceId: string;
  deviceAssetId: string;
};

/** Resumable uploads over tus 1.0 to /api/uploads; the session cookie authenticates. */
export function createTusUploader(events: UploaderEvents): Uploader {
  const uppy = new Uppy<FileMeta, TusBody>({ autoProceed: true, allowMultipleUploadBatches: true });
  uppy.use(Tus, {
    endpoint: '/api/uploads',
    withCredentials: true,
    limit: 3,
    // Bounded requests survive proxies with body limits, and a dropped connection loses at
    // most one chunk: the next try asks the server for its offset and goes on from there.
    chunkSize: 50 * 1024 * 1024,
    retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000, 30_000],
    removeFingerprintOnSuccess: true,
    // `name` and `type` go out as `filename` and `filetype` too; the server needs `filename`.
    allowedMetaFields: ['name', 'type', 'fileModifiedAt', 'deviceId', 'deviceAssetId'],
  });
  const uppyIds = new Map<string, string>();

  uppy.on('upload-progress', (file, progress) => {
    if (file) events.progress(file.meta.key, progress.bytesUploaded);
  });
  uppy.on('upload-success', (file, response) => {
    if (!file) return;
    const xhr = response.body?.xhr;
    const id = xhr?.getResponseHeader('Keepsake-Asset-Id');
    const status = xhr?.getResponseHeader('Keepsake-Asset-Status');
    // Done with: a later pick of the same file must not be refused by Uppy. After this event,
    // once the tus plugin has let go of the upload, or removing it would DELETE it on the server.
    setTimeout(() => uppy.removeFile(file.id), 0);
    uppyIds.delete(file.meta.key);
    if (id)
      events.success(file.meta.key, {
        id,
        status: status === 'duplicate' ? 'duplicate' : 'created',
      });
    else events.error(file.meta.key, 'The server did not say what became of the file.', true);
  });
  uppy.on('upload-error', (file, error, response) => {
    if (!file) return;
    const status = response?.status ?? 0;
    const refused =
      status >= 400 && status < 500 && status !== 401 && status !== 409 && status !== 423;
    events.error(
      file.meta.key,
      readableError(status, response?.body?.xhr, error.message),
      !refused,
    );
  });

  return {
    upload(key, file) {
      // Uppy knows a file by name, type, size and date: the same file picked again. One that
      // failed makes way for the new pick (which resumes where it stopped); one on its way stays.
      const same = uppy
        .getFiles()
        .find(
          (f) =>
            f.data instanceof File &&
            f.name === file.name &&
            f.size === file.size &&
            f.data.lastModified === file.lastModified,
        );
      if (same && !same.error) throw new AlreadyUploadingError();
      if (same) {
        uppyIds.delete(same.meta.key);
        uppy.removeFile(same.id);
      }
      const uppyId = uppy.addFile({
        name: file.name,
        type: file.type,
        data: file,
        source: 'keepsake',
        meta: {
          name: file.name,
          type: file.type,
          key,
          fileModifiedAt: new Date(file.lastModified).toISOString(),
          deviceId: 'keepsake-web',
          // The same file picked again on this device has the same id, as in the mobile apps.
          deviceAssetId: `${file.name}-${file.size}-${file.lastModified}`,
        },
      });
      uppyIds.set(key, uppyId);
    },
    retry(key) {
      const uppyId = uppyIds.get(key);
      if (!uppyId) return false;
      void uppy.retryUpload(uppyId);
      return true;
    },
  };
}

export class AlreadyUploadingError extends Error {
  override name = 'AlreadyUploadingError';
  constructor() {
    super('This file is already being uploaded.');
  }
}

/** The server's `{message}` when it sent one; otherwise what went wrong, in plain words. */
function readableError(status: number, xhr: XMLHttpRequest | undefined, fallback: string): string {
  try {
    const body = JSON.parse(xhr?.responseText ?? '') as { message?: unknown };
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // Not JSON: fall through.
  }
  if (status === 0) return 'The connection was lost. Retry when you are back online.';
  if (status === 401) return 'Your session has ended. Sign in again, then retry.';
  if (status === 413) return 'The file is larger than this server accepts.';
  if (status >= 500) return `The server failed (${status}). Try again later.`;
  return fallback;
}
