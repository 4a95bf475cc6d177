import { cancelImageLoad } from '../actions/load-data';

/** Images decoded of those found while a folder loads, with a Cancel that keeps the data shown before. */
export function ImageProgress({ label, done, total }: { readonly label: string; readonly done: number; readonly total: number }) {
  return (
    <div className="data-status" role="status" data-testid="data-loading">
      {label}
      <progress data-testid="image-progress" {...(total > 0 ? { value: done, max: total } : {})} aria-label={`${done} of ${total} images read`} />
      <button type="button" data-testid="image-cancel" onClick={cancelImageLoad}>
        Cancel
      </button>
    </div>
  );
}
