import { ChevronDown, FilePlus } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { TEMPLATES } from '../../src/graph/templates';
import { newFromTemplate } from './project-files';

/** The "New" menu button: a blank canvas or one of the starting templates. */
export function NewMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const items = () => [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
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
    <div className="toolbar__menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="toolbar__button"
        data-testid="toolbar-new"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="New project from a template"
        onClick={() => setOpen((o) => !o)}
      >
        <FilePlus size={16} aria-hidden="true" />
        <span className="toolbar__label">New</span>
        <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <div id={menuId} className="toolbar__popup" role="menu" aria-label="New project" onKeyDown={onMenuKeyDown}>
          {TEMPLATES.map((t) => (
            <button
              key={t.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="toolbar__menuitem"
              data-testid={`template-${t.id}`}
              onClick={() => {
                close(false);
                newFromTemplate(t);
              }}
            >
              <span className="toolbar__menuitem-title">{t.title}</span>
              <span className="toolbar__menuitem-description">{t.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
