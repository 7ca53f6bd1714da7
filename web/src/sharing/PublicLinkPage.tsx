import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { justify, layoutAspect } from '../timeline/justified-rows';
import { placeholderUrl } from '../timeline/thumbhash-url';
import { useAdaptiveVideo } from '../viewer/use-adaptive-video';
import { fetchGuestView, guestAssetUrl, uploadAsGuest, type GuestAnswer } from './guest-api';
import type { GuestView, SharedAsset } from './shared-links-api';
import './sharing.css';

/**
 * /s/{key}: what a link shares, for anyone holding it, signed in or not, outside the app's frame.
 * It talks only to the link's own API (guest-api.ts).
 */
export function PublicLinkPage() {
  const key = decodeURIComponent(location.pathname.slice('/s/'.length).split('/')[0] ?? '');
  const [answer, setAnswer] = useState<GuestAnswer>();
  const [password, setPassword] = useState<string>();

  const load = useCallback((pass?: string) => fetchGuestView(key, pass).then(setAnswer), [key]);
  useEffect(() => void load(), [load]);

  if (!answer)
    return (
      <p className="splash" aria-busy="true">
        Loading…
      </p>
    );
  switch (answer.kind) {
    case 'gone':
      return (
        <main className="public-message">
          <h1>This link no longer works</h1>
          <p>
            It may have expired or been revoked by the person who shared it, or it was mistyped.
          </p>
        </main>
      );
    case 'failed':
      return (
        <main className="public-message">
          <p className="error" role="alert">
            {answer.message}
          </p>
          <button type="button" onClick={() => void load(password)}>
            Try again
          </button>
        </main>
      );
    case 'password':
      return (
        <PasswordPrompt
          wrong={answer.wrong}
          onSubmit={(value) => {
            setPassword(value);
            void load(value);
          }}
        />
      );
    case 'shown':
      return <SharedView linkKey={key} view={answer.view} onChanged={() => void load(password)} />;
  }
}

function PasswordPrompt({ wrong, onSubmit }: { wrong: boolean; onSubmit(value: string): void }) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value);
  };
  return (
    <main className="public-message">
      <form onSubmit={submit} className="public-password">
        <h1>This link has a password</h1>
        <label>
          Password
          <input
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoFocus
            required
          />
        </label>
        {wrong && (
          <p className="error" role="alert">
            That password is not right.
          </p>
        )}
        <button type="submit" className="primary">
          Open
        </button>
      </form>
    </main>
  );
}

function SharedView({
  linkKey,
  view,
  onChanged,
}: {
  linkKey: string;
  view: GuestView;
  onChanged(): void;
}) {
  const [open, setOpen] = useState<number>();
  const { link, token, assets } = view;
  return (
    <main className="public-page">
      <header className="public-header">
        <h1>{link.albumName ?? 'Shared photos'}</h1>
        <p className="muted">
          {assets.length === 1 ? '1 item' : `${assets.length} items`}
          {link.expiresAt && ` · until ${new Date(link.expiresAt).toLocaleDateString()}`}
        </p>
        {link.allowUpload && <GuestUpload linkKey={linkKey} token={token} onDone={onChanged} />}
      </header>
      {assets.length === 0 ? (
        <p className="muted">Nothing is shared here yet.</p>
      ) : (
        <SharedGrid linkKey={linkKey} token={token} assets={assets} onOpen={setOpen} />
      )}
      {open !== undefined && assets[open] && (
        <GuestViewer
          linkKey={linkKey}
          token={token}
          assets={assets}
          index={open}
          allowDownload={link.allowDownload}
          onMove={setOpen}
          onClose={() => setOpen(undefined)}
        />
      )}
    </main>
  );
}

function SharedGrid({
  linkKey,
  token,
  assets,
  onOpen,
}: {
  linkKey: string;
  token: string | null;
  assets: SharedAsset[];
  onOpen(index: number): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  const layout = justify(
    assets.map((a) => layoutAspect(a.width, a.height)),
    { width, targetRowHeight: width < 600 ? 120 : 200, gap: 4 },
  );
  return (
    <div ref={ref} className="public-grid" style={{ height: layout.height }}>
      {width > 0 &&
        layout.boxes.map((box, index) => {
          const asset = assets[index]!;
          return (
            <button
              key={asset.id}
              type="button"
              className="public-tile"
              style={{
                left: box.left,
                top: box.top,
                width: box.width,
                height: box.height,
                backgroundImage:
                  placeholderUrl(asset.thumbhash) && `url(${placeholderUrl(asset.thumbhash)})`,
              }}
              onClick={() => onOpen(index)}
            >
              <img
                src={guestAssetUrl(linkKey, token, asset.id, 'thumbnail', asset.thumbnailVersion)}
                alt={asset.originalFileName}
                loading="lazy"
              />
              {asset.type === 'video' && (
                <span className="public-play" aria-hidden="true">
                  ▶
                </span>
              )}
            </button>
          );
        })}
    </div>
  );
}

function GuestViewer({
  linkKey,
  token,
  assets,
  index,
  allowDownload,
  onMove,
  onClose,
}: {
  linkKey: string;
  token: string | null;
  assets: SharedAsset[];
  index: number;
  allowDownload: boolean;
  onMove(index: number): void;
  onClose(): void;
}) {
  const asset = assets[index]!;
  const touchStart = useRef<number | undefined>(undefined);
  const move = useCallback(
    (step: number) => {
      const next = index + step;
      if (next >= 0 && next < assets.length) onMove(next);
    },
    [index, assets.length, onMove],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key === 'ArrowRight') move(1);
      if (event.key === 'ArrowLeft') move(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, onClose]);

  return (
    <div
      className="public-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={asset.originalFileName}
      onTouchStart={(e) => (touchStart.current = e.touches[0]?.clientX)}
      onTouchEnd={(e) => {
        const start = touchStart.current;
        const end = e.changedTouches[0]?.clientX;
        if (start !== undefined && end !== undefined && Math.abs(end - start) > 50)
          move(end < start ? 1 : -1);
      }}
    >
      <div className="public-viewer-bar">
        <button type="button" onClick={onClose} aria-label="Close">
          ✕
        </button>
        <span className="public-viewer-name">{asset.originalFileName}</span>
        {allowDownload && (
          <a href={guestAssetUrl(linkKey, token, asset.id, 'original')} download>
            Download
          </a>
        )}
      </div>
      {asset.type === 'video' ? (
        <GuestVideo key={asset.id} linkKey={linkKey} token={token} asset={asset} />
      ) : (
        <img
          key={asset.id}
          src={guestAssetUrl(linkKey, token, asset.id, 'preview', asset.thumbnailVersion)}
          alt={asset.originalFileName}
        />
      )}
      <button
        type="button"
        className="public-viewer-prev"
        disabled={index === 0}
        onClick={() => move(-1)}
        aria-label="Previous"
      >
        ‹
      </button>
      <button
        type="button"
        className="public-viewer-next"
        disabled={index === assets.length - 1}
        onClick={() => move(1)}
        aria-label="Next"
      >
        ›
      </button>
    </div>
  );
}

/** Its HLS set where it has one (long videos), as in the owner's viewer; else the whole file. */
function GuestVideo({
  linkKey,
  token,
  asset,
}: {
  linkKey: string;
  token: string | null;
  asset: SharedAsset;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const { src, broken, onError } = useAdaptiveVideo(
    video,
    guestAssetUrl(linkKey, token, asset.id, 'video'),
    asset.playback?.hls ? guestAssetUrl(linkKey, token, asset.id, 'hls') : undefined,
  );
  if (broken)
    return (
      <p className="error" role="alert">
        This video cannot be played in this browser.
      </p>
    );
  return (
    <video
      ref={video}
      src={src}
      poster={guestAssetUrl(linkKey, token, asset.id, 'preview', asset.thumbnailVersion)}
      controls
      playsInline
      onError={onError}
    />
  );
}

function GuestUpload({
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
