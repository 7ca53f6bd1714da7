import { Icon } from '../app/icons';
import { useUpload } from './UploadProvider';

/** The top bar's Upload button: opens the file picker. */
export function UploadButton() {
  const { pick } = useUpload();
  return (
    <button type="button" className="upload-button" aria-label="Upload" onClick={pick}>
      <Icon name="upload" />
      <span className="upload-button-label">Upload</span>
    </button>
  );
}
