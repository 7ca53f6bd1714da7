import { useEffect, useState } from 'react';

/**
 * A name edited in place: it reads as text until focused; Enter (or leaving the field) saves a
 * changed name, Escape puts the saved one back.
 */
export function NameField({
  name,
  label,
  placeholder = 'Add a name',
  className,
  onSave,
}: {
  name: string;
  /** For assistive technology: whose name this is. */
  label: string;
  placeholder?: string;
  className?: string;
  onSave(name: string): Promise<void>;
}) {
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => setValue(name), [name]);

  const save = async () => {
    const next = value.trim();
    if (next === name || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSave(next);
    } catch (e) {
      setError(`The name could not be saved: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className={`name-field${className ? ` ${className}` : ''}`}>
      <input
        type="text"
        value={value}
        placeholder={placeholder}
        aria-label={label}
        aria-busy={busy || undefined}
        aria-invalid={error ? true : undefined}
        maxLength={200}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setValue(name);
            setError(undefined);
            e.currentTarget.blur();
          }
        }}
      />
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
