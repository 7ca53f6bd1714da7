import { Icon } from '../app/icons';
import type { Neighbours } from './use-neighbours';

/**
 * Previous and Next at the viewer's sides; each is disabled only once the neighbours are known and
 * there is none that way.
 */
export function ViewerNav({
  known,
  onStep,
}: {
  known: Neighbours | undefined;
  onStep(direction: 1 | -1): void;
}) {
  return (
    <>
      <button
        type="button"
        className="viewer-nav previous"
        aria-label="Previous"
        title="Previous (←)"
        disabled={known?.previous === null}
        onClick={() => onStep(-1)}
      >
        <Icon name="previous" />
      </button>
      <button
        type="button"
        className="viewer-nav next"
        aria-label="Next"
        title="Next (→)"
        disabled={known?.next === null}
        onClick={() => onStep(1)}
      >
        <Icon name="next" />
      </button>
    </>
  );
}
