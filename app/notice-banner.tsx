import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useStore } from './store/store';

/** Shows the store's notice: errors until dismissed, info for a few seconds. */
export function NoticeBanner() {
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  useEffect(() => {
    if (notice?.kind !== 'info' || (notice.actions?.length ?? 0) > 0) return;
    const timer = setTimeout(dismiss, 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div className={`notice is-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.text}</span>
      {notice.actions?.map((a) => (
        <button key={a.label} type="button" className="notice__action" onClick={a.run} data-testid="notice-action">
          {a.label}
        </button>
      ))}
      <button type="button" onClick={dismiss} aria-label="Dismiss message">
        <X size={14} aria-hidden />
      </button>
    </div>
  );
}
