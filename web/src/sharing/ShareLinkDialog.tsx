import { useState, type FormEvent } from 'react';
import { absoluteUrl, putSharedLink } from './shared-links-api';
import './sharing.css';
import { ModalDialog } from '../app/ModalDialog';
import { ErrorMessage } from '../app/ErrorMessage';

type Target = { albumId: string } | { assetIds: string[] };

const EXPIRIES: { label: string; days: number | null }[] = [
  { label: 'Never', days: null },
  { label: '1 day', days: 1 },
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
];

/** Makes a link for people without an account, then shows its address once, to copy. */
export function ShareLinkDialog({ target, onClose }: { target: Target; onClose(): void }) {
  const [days, setDays] = useState<number | null>(7);
  const [password, setPassword] = useState('');
  const [allowDownload, setAllowDownload] = useState(true);
  const [allowUpload, setAllowUpload] = useState(false);
  const [hideLocation, setHideLocation] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [url, setUrl] = useState<string>();
  const [copied, setCopied] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await putSharedLink({
        ...target,
        expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString(),
        password: password || null,
        allowDownload,
        allowUpload,
        hideLocation,
      });
      setUrl(absoluteUrl(created.url));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const copy = () =>
    void navigator.clipboard.writeText(url!).then(
      () => setCopied(true),
      () => setError('Copying was refused; select the address and copy it.'),
    );

  return (
    <ModalDialog titleId="share-link-title" className="share-link-dialog" onCancel={onClose}>
      <h2 id="share-link-title">Share link</h2>
      {url ? (
        <div className="share-link-result">
          <p>
            Anyone with this address can see what it shares. You can copy it again from Sharing.
          </p>
          <input
            aria-label="Link address"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
          />
          <ErrorMessage text={error} />
          <div className="confirm-actions">
            <button type="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void create(e)}>
          <label>
            Expires after
            <select
              value={days ?? ''}
              onChange={(e) => setDays(e.target.value ? Number(e.target.value) : null)}
            >
              {EXPIRIES.map((option) => (
                <option key={option.label} value={option.days ?? ''}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Password (optional)
            <input
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              minLength={8}
              maxLength={1024}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={allowDownload}
              onChange={(e) => setAllowDownload(e.target.checked)}
            />
            Allow downloading originals
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={allowUpload}
              onChange={(e) => setAllowUpload(e.target.checked)}
            />
            Allow uploading photos
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={hideLocation}
              onChange={(e) => setHideLocation(e.target.checked)}
            />
            Hide locations
          </label>
          <ErrorMessage text={error} />
          <div className="confirm-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Create link
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
