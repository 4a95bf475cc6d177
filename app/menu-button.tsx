import { ChevronDown } from 'lucide-react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

/** One entry of a toolbar menu. */
export interface MenuItem {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly onSelect: () => void;
}

interface MenuButtonProps {
  readonly label: string;
  readonly icon: ReactNode;
  readonly title: string;
  readonly testId: string;
  /** Prefix of each item's data-testid: `${itemTestId}-${item.id}`. */
  readonly itemTestId: string;
  readonly items: readonly MenuItem[];
  /** An icon-only button named by `label` (a layer card's menu), not the toolbar's labelled one. */
  readonly compact?: boolean;
}

/** A toolbar button that opens a keyboard-navigable menu (arrows, Home/End, Escape, Tab). */
export function MenuButton({ label, icon, title, testId, itemTestId, items, compact = false }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const entries = () => [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // The menu opens above its button when below it would leave its clipping box (a card low on
  // the canvas, which clips what overflows it), before the browser paints it.
  useLayoutEffect(() => {
    const menu = popup.current;
    const anchor = button.current?.getBoundingClientRect();
    if (!open || !menu || !anchor) return;
    const clip = (root.current?.closest('.react-flow') ?? document.documentElement).getBoundingClientRect();
    const box = menu.getBoundingClientRect();
    menu.classList.toggle('opens-up', box.bottom > Math.min(clip.bottom, window.innerHeight) && anchor.top - clip.top > box.height);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    entries()[0]?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = entries();
    const at = list.findIndex((item) => item === document.activeElement);
    const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      close(e.key === 'Escape');
    } else if (target !== undefined) {
      e.preventDefault();
      list[(target + list.length) % list.length]?.focus();
    }
  };

  return (
    <div className={`toolbar__menu${compact ? ' nodrag nowheel' : ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className={compact ? 'node-menu__button' : 'toolbar__button'}
        aria-label={compact ? label : undefined}
        data-testid={testId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        {icon}
        {!compact && <span className="toolbar__label">{label}</span>}
        {!compact && <ChevronDown size={14} aria-hidden="true" />}
      </button>
      {open && (
        <div ref={popup} id={menuId} className={`toolbar__popup${compact ? ' node-menu__popup' : ''}`} role="menu" aria-label={label} onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="toolbar__menuitem"
              data-testid={`${itemTestId}-${item.id}`}
              onClick={() => {
                close(false);
                item.onSelect();
              }}
            >
              <span className="toolbar__menuitem-title">{item.title}</span>
              <span className="toolbar__menuitem-description">{item.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
