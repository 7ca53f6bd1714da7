import { boxStyle } from './face-box';
import type { Face } from './people-api';

/** The faces' boxes over the photo, each named (or asked about) under it. Drawn in the viewer's frame. */
export function FaceBoxes({ faces }: { faces: readonly Face[] }) {
  return (
    <div className="face-boxes" aria-hidden="true">
      {faces.map((face) => (
        <div key={face.id} className="face-box" style={boxStyle(face.box)} data-face={face.id}>
          <span className="face-box-name">{face.personName?.trim() || '?'}</span>
        </div>
      ))}
    </div>
  );
}
