import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>: focus trap, Escape and backdrop come with it. Open while
 * mounted; Escape asks `onCancel` rather than closing by itself, so the page decides.
 */
export function ModalDialog({
  titleId,
  className,
  onCancel,
  children,
}: {
  /** The id of the heading that names the dialog. */
  titleId: string;
  className?: string;
  onCancel(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `confirm-dialog ${className}` : 'confirm-dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
