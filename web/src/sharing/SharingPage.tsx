import { useCallback, useEffect, useState } from 'react';
import { PartnerSharing } from '../partners/PartnerSharing';
import { ConfirmDialog } from '../selection/ConfirmDialog';
import {
  absoluteUrl,
  fetchSharedLinks,
  revokeSharedLink,
  type SharedLink,
} from './shared-links-api';
import './sharing.css';
import { ErrorMessage } from '../app/ErrorMessage';

/** /sharing: the links I made, copying them again, and revoking them. */
export function SharingPage() {
  const [links, setLinks] = useState<SharedLink[]>();
  const [error, setError] = useState<string>();
  const [revoking, setRevoking] = useState<SharedLink>();
  const [copied, setCopied] = useState<string>();

  const load = useCallback(() => {
    fetchSharedLinks().then(setLinks, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const copy = (link: SharedLink) =>
    void navigator.clipboard.writeText(absoluteUrl(link.url!)).then(
      () => setCopied(link.id),
      () => setError('Copying was refused; open the link and copy its address.'),
    );

  const revoke = (link: SharedLink) => {
    setRevoking(undefined);
    revokeSharedLink(link.id).then(load, (e: Error) => setError(e.message));
  };

  return (
    <section className="sharing-page">
      <header className="library-header">
        <h1>Sharing</h1>
      </header>
      <h2>Shared links</h2>
      <ErrorMessage text={error} />
      {!links && !error && (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      )}
      {links?.length === 0 && (
        <p className="muted">
          No links yet. Choose Share link on an album, or select photos and choose Share link.
        </p>
      )}
      {links && links.length > 0 && (
        <ul className="shared-links" aria-label="Shared links">
          {links.map((link) => (
            <li key={link.id} className={link.revokedAt ? 'revoked' : undefined}>
              <div>
                <strong>{linkName(link)}</strong>
                <p className="muted">{describe(link)}</p>
                {!link.revokedAt && !link.url && (
                  <p className="muted">
                    Made before links could be copied again: its address cannot be shown. Revoke it
                    and make a new one to share again.
                  </p>
                )}
              </div>
              {!link.revokedAt && (
                <div className="shared-link-actions">
                  {link.url && (
                    <button
                      type="button"
                      onClick={() => copy(link)}
                      aria-label={`Copy link to ${linkName(link)}`}
                    >
                      {copied === link.id ? 'Copied' : 'Copy link'}
                    </button>
                  )}
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setRevoking(link)}
                    aria-label={`Revoke link to ${linkName(link)}`}
                  >
                    Revoke
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoking && (
        <ConfirmDialog
          title="Revoke this link?"
          confirmLabel="Revoke"
          danger
          onConfirm={() => revoke(revoking)}
          onCancel={() => setRevoking(undefined)}
        >
          <p>It stops working at once for everyone who has it.</p>
        </ConfirmDialog>
      )}
      <PartnerSharing />
    </section>
  );
}

function describe(link: SharedLink): string {
  const parts = [`made ${new Date(link.createdAt).toLocaleDateString()}`];
  if (link.revokedAt) parts.push('revoked');
  else if (link.expiresAt && new Date(link.expiresAt) <= new Date()) parts.push('expired');
  else if (link.expiresAt) parts.push(`expires ${new Date(link.expiresAt).toLocaleDateString()}`);
  if (link.hasPassword) parts.push('password');
  if (link.allowDownload) parts.push('downloads allowed');
  if (link.allowUpload) parts.push('uploads allowed');
  if (link.hideLocation) parts.push('locations hidden');
  return parts.join(' · ');
}

const linkName = (link: SharedLink) =>
  link.albumName ??
  (link.assetCount === 1 ? '1 selected photo' : `${link.assetCount} selected photos`);
