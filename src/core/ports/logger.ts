/** Searchable facts of a log line (asset id, step, status...), beside its sentence. */
export type LogFields = Record<string, unknown>;

/**
 * Where the server's own lines go: one structured (JSON) line each, fields first.
 *
 * An error goes under `err`, so its message and stack come out whole:
 * `logger.error({ err, queue }, 'job worker stopped')`.
 * See: [Note: One logger].
 */
export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  /** The same log, with `bindings` on every line (`{ component: 'bullmq' }`). */
  child(bindings: LogFields): Logger;
}
