import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { UPLOAD_ACCEPT } from './accept';
import { dragHasFiles, filesFromDrop } from './drop-files';
import { UploadPanel } from './UploadPanel';
import { UploadSession } from './upload-session';
import { UploadStore } from './upload-store';
import { isActive } from './upload-item';
import './upload.css';

interface UploadControls {
  /** Opens the file picker (on a phone: the camera roll). */
  pick(): void;
}

const UploadContext = createContext<UploadControls>({ pick: () => {} });
export const useUpload = () => useContext(UploadContext);

/**
 * Upload for the whole app: the hidden file picker, a drop target covering the page, and the
 * progress panel. Uppy itself loads on the first upload (see upload-session.ts).
 */
export function UploadProvider({ children }: { children: ReactNode }) {
  const [{ store, session }] = useState(() => {
    const store = new UploadStore();
    return { store, session: new UploadSession(store) };
  });
  const items = useSyncExternalStore(store.subscribe, store.snapshot);
  const input = useRef<HTMLInputElement>(null);
  const dragging = useFileDrag(session);
  const busy = items.some(isActive);
  useWarnBeforeLeaving(busy);

  const controls = useMemo<UploadControls>(() => ({ pick: () => input.current?.click() }), []);

  return (
    <UploadContext.Provider value={controls}>
      {children}
      <input
        ref={input}
        type="file"
        multiple
        accept={UPLOAD_ACCEPT}
        className="upload-input"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="upload-input"
        onChange={(event) => {
          session.addFiles(event.currentTarget.files ?? []);
          event.currentTarget.value = ''; // picking the same file again still fires change
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <span className="drop-overlay-icon">⇪</span>
            Drop photos and videos to upload
          </div>
        </div>
      )}
      {items.length > 0 && (
        <UploadPanel
          items={items}
          onRetry={(key) => session.retry(key)}
          onClose={() => session.clearSettled()}
        />
      )}
    </UploadContext.Provider>
  );
}

/** True while files are dragged over the window; dropped files go to the session. */
function useFileDrag(session: UploadSession): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; the depth tells when the drag left.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault(); // allows the drop (else the browser opens the file)
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!dragHasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void filesFromDrop(e.dataTransfer).then((files) => session.addFiles(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [session]);
  return dragging;
}

/** Closing the tab mid-upload asks first (tus can resume, but only if the file is picked again). */
function useWarnBeforeLeaving(busy: boolean) {
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);
}
