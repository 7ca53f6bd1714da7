import type { Asset } from '../api/client';
import { onLinkClick } from '../app/router';

type AssetTag = NonNullable<Asset['tags']>[number];

/** The things recognised in a photo, as chips that open the photos with the same thing. */
export function InfoTags({ tags }: { tags: readonly AssetTag[] }) {
  return (
    <ul className="info-tags">
      {tags.map((tag) => (
        <li key={tag.name}>
          <a
            href={`/tags/${encodeURIComponent(tag.name)}`}
            onClick={onLinkClick}
            title={`${Math.round(tag.confidence * 100)}% sure`}
          >
            {tag.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
