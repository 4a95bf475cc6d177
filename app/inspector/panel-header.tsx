import type { LucideIcon } from 'lucide-react';
import type { CSSProperties, ReactNode } from 'react';

interface PanelHeaderProps {
  readonly icon: LucideIcon;
  readonly title: string;
  /** Beside the title, muted: a layer's category, a group's size. */
  readonly tag: string;
  /** The CSS colour of the icon and the left rule. */
  readonly color: string;
  readonly children: ReactNode;
}

/** The inspector's heading: icon, title and tag, then what the thing is in a sentence or two. */
export function PanelHeader({ icon: Icon, title, tag, color, children }: PanelHeaderProps) {
  return (
    <header className="insp-header" style={{ '--cat': color } as CSSProperties}>
      <div className="insp-title">
        <span className="insp-icon" aria-hidden="true">
          <Icon size={16} strokeWidth={2} />
        </span>
        <h2 className="insp-class">{title}</h2>
        <span className="insp-category">{tag}</span>
      </div>
      <p className="insp-description">{children}</p>
    </header>
  );
}
