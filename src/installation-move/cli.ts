import { ConfigError, loadConfig } from '../config.js';
import { parseCliArguments, USAGE } from './cli-arguments.js';
import { MoveError, type MoveErrorCode } from './errors.js';
import { moveInstallation } from './move-installation.js';
import { ProgressLine } from './progress-line.js';
import { formatSummary } from './summary.js';
import { errorMessage } from '../core/errors.js';

// sysexits.h, as the server uses them (78 for configuration).
const EXIT: Record<MoveErrorCode, number> = {
  INVALID_INPUT: 64,
  TARGET_CONFLICT: 65,
  SOURCE_IN_USE: 75,
};
const INTERRUPTED = 130;

async function main(): Promise<number> {
  let request;
  try {
    request = parseCliArguments(process.argv.slice(2), loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Invalid configuration: ${error.message}`);
      return 78;
    }
    if (error instanceof MoveError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return EXIT[error.code];
    }
    throw error;
  }
  if (request.help) {
    console.log(USAGE);
    return 0;
  }

  // The first Ctrl-C stops after the blob or batch in hand; a rerun carries on from there.
  const stop = new AbortController();
  const interrupt = () => {
    if (stop.signal.aborted) process.exit(INTERRUPTED);
    stop.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  const progress = new ProgressLine(process.stderr);
  try {
    const report = await moveInstallation({
      ...request.options,
      signal: stop.signal,
      onProgress: (p) => progress.update(p),
    });
    progress.settle();
    console.log(formatSummary(report));
    return report.verified ? 0 : 1;
  } catch (error) {
    progress.settle();
    if (stop.signal.aborted) {
      console.error('Interrupted. Run the same command again to carry on.');
      return INTERRUPTED;
    }
    if (error instanceof MoveError) {
      console.error(error.message);
      return EXIT[error.code];
    }
    console.error(`The move failed: ${errorMessage(error)}`);
    console.error('Run the same command again once the cause is fixed; it carries on from there.');
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
