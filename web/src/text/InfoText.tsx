import { useEffect, useState } from 'react';
import { ok } from '../api/client';

// TEMPORARY: a plain request until the text route is in docs/openapi.json.
const fetchAssetText = (assetId: string) =>
  ok<{ text: string }>(
    fetch(`/api/assets/${encodeURIComponent(assetId)}/text`, { credentials: 'same-origin' }).then(
      async (response) => {
        const data = (await response.json().catch(() => undefined)) as { text: string } | undefined;
        return response.ok ? { data, response } : { error: data ?? {}, response };
      },
    ),
  );

/** The text read in a photo (a document, a screenshot, a sign), folded until asked for. */
export function InfoText({ assetId }: { assetId: string }) {
  const [text, setText] = useState<string>();
  useEffect(() => {
    let live = true;
    setText(undefined);
    fetchAssetText(assetId).then(
      (t) => live && setText(t.text.trim()),
      () => {}, // none read (yet, or text reading is off): nothing to show
    );
    return () => {
      live = false;
    };
  }, [assetId]);

  if (!text) return null;
  return (
    <div className="viewer-info-row">
      <dt>Text</dt>
      <dd>
        <details className="info-text">
          <summary>Text in this photo</summary>
          <p>{text}</p>
        </details>
      </dd>
    </div>
  );
}
