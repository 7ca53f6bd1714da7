import { useState } from 'react';
import { uploadAsGuest } from './guest-api';

/** Add photos, where the link allows guests to upload; `onDone` once the files are in. */
export function GuestUpload({
  linkKey,
  token,
  onDone,
}: {
  linkKey: string;
  token: string | null;
  onDone(): void;
}) {
  const [status, setStatus] = useState<{ message: string; failed: boolean }>();
  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setStatus({ message: 'Uploading…', failed: false });
    let done = 0;
    try {
      for (const file of files) {
        await uploadAsGuest(linkKey, token, file);
        done += 1;
      }
      setStatus({ message: `${done} uploaded.`, failed: false });
    } catch (e) {
      setStatus({ message: `${done} uploaded; ${(e as Error).message}`, failed: true });
    }
    onDone();
  };
  return (
    <div className="public-upload">
      <label className="button">
        Add photos
        <input
          type="file"
          accept="image/*,video/*"
          multiple
          className="visually-hidden"
          onChange={(e) => void upload(e.target.files)}
        />
      </label>
      {status && (
        <span className={status.failed ? 'error' : 'muted'} role="status">
          {status.message}
        </span>
      )}
    </div>
  );
}
