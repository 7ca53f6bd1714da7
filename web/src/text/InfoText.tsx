import { useEffect, useState } from 'react';
import { api, ok } from '../api/client';

const fetchAssetText = (id: string) =>
  ok(api.GET('/api/assets/{id}/text', { params: { path: { id } } }));

/** The text read in a photo (a document, a screenshot, a sign), folded until asked for. */
export function InfoText({ assetId }: { assetId: string }) {
  const [text, setText] = useState<string>();
  useEffect(() => {
    let live = true;
    setText(undefined);
    fetchAssetText(assetId).then(
      (t) => live && setText(t.text.trim()),
      () => {}, // the panel shows the photo's other facts without its text
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
