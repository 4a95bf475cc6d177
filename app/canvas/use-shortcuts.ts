import { useEffect } from 'react';
import { shownIds } from '../../src/graph/groups';
import { redo, undo, useStore } from '../store/store';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Editor shortcuts: undo (Ctrl/Cmd+Z), redo (Ctrl/Cmd+Shift+Z, Ctrl+Y), copy, paste, duplicate
 * (Ctrl/Cmd+C/V/D), select all (Ctrl/Cmd+A), group the selection (Ctrl/Cmd+G), freeze (F) or
 * unfreeze (Shift+F) the selection and everything before it, and Escape. Ignored while typing in
 * a field, so the browser's own text undo and copy work there. Delete/Backspace is React Flow's.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const s = useStore.getState();
      if (e.key === 'Escape') {
        s.select([]);
        return;
      }
      if (e.key.toLowerCase() === 'f' && !(e.ctrlKey || e.metaKey || e.altKey)) {
        if (s.selectedNodes.length === 0) return;
        e.preventDefault();
        s.setTrainableThrough(s.selectedNodes, e.shiftKey);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const action: (() => void) | undefined = {
        z: e.shiftKey ? redo : undo,
        y: redo,
        c: () => s.copySelection(),
        v: () => s.paste(),
        d: () => s.duplicateSelection(),
        g: () => s.groupSelected(),
        a: () =>
          s.select(
            shownIds(
              s.graph,
              s.graph.nodes.map((n) => n.id),
            ),
          ),
      }[key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
