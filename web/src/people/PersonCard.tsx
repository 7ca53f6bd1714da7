import { onLinkClick } from '../app/router';
import { NameField } from './NameField';
import type { Person } from './people-api';
import { nameOf, photoCount } from './people-text';

/** One person on the People page: their face (opens their page), name in place, hide, select. */
export function PersonCard({
  person,
  selected,
  onToggleSelected,
  onRename,
  onToggleHidden,
}: {
  person: Person;
  selected: boolean;
  onToggleSelected(): void;
  onRename(name: string): Promise<void>;
  onToggleHidden(): void;
}) {
  const name = nameOf(person);
  const who = name || 'this person';
  return (
    <li
      className={`person-card${selected ? ' selected' : ''}${person.hidden ? ' hidden-person' : ''}`}
      data-person={person.id}
    >
      <a
        className="person-face"
        href={`/people/${person.id}`}
        onClick={onLinkClick}
        aria-label={name ? `${name}: photos` : 'Photos of this person'}
      >
        {person.thumbnailUrl && <img src={person.thumbnailUrl} alt="" loading="lazy" />}
      </a>
      <input
        type="checkbox"
        className="person-check"
        checked={selected}
        onChange={onToggleSelected}
        aria-label={`Select ${who}`}
      />
      <NameField
        name={name}
        label={name ? `Name of ${name}` : 'Name this person'}
        onSave={onRename}
      />
      <span className="person-meta muted">
        {photoCount(person.assetCount)}
        {person.hidden && ' · hidden'}
      </span>
      <button
        type="button"
        className="person-hide"
        onClick={onToggleHidden}
        aria-label={`${person.hidden ? 'Show' : 'Hide'} ${who}`}
      >
        {person.hidden ? 'Show' : 'Hide'}
      </button>
    </li>
  );
}
