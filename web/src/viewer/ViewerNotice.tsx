import { Icon } from '../app/icons';
import type { Notice } from './use-notice';

/** The viewer's notice bar: a status (with Undo where it can be undone) or an error. */
export function ViewerNotice({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  return (
    <div
      className={`viewer-notice${notice.isError ? ' error' : ''}`}
      role={notice.isError ? 'alert' : 'status'}
    >
      <span>{notice.text}</span>
      {notice.undo && (
        <button type="button" onClick={notice.undo}>
          Undo
        </button>
      )}
      <button type="button" className="icon" aria-label="Dismiss" onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
