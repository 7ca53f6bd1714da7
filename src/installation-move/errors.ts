/**
 * Why a move stops before it has verified anything. Each carries a code the CLI maps to an exit
 * status; the message alone should tell an operator what to do next.
 */
export type MoveErrorCode = 'INVALID_INPUT' | 'SOURCE_IN_USE' | 'TARGET_CONFLICT';

export class MoveError extends Error {
  constructor(
    readonly code: MoveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoveError';
  }
}

/** The target already holds rows that differ from the source's: copying on would mix two installations. */
export class TargetConflictError extends MoveError {
  constructor(readonly conflicts: readonly string[]) {
    super(
      'TARGET_CONFLICT',
      `The target database already holds data that differs from this installation's, so the move ` +
        `stopped before writing it (rows written by an earlier, interrupted move are fine):\n` +
        conflicts.map((line) => `  - ${line}`).join('\n') +
        `\nMove into an empty database, or into the one an interrupted move of this same ` +
        `installation left behind.`,
    );
    this.name = 'TargetConflictError';
  }
}
