import { useReactFlow } from '@xyflow/react';
import { Download, Redo2, Scan, Undo2, Workflow } from 'lucide-react';
import { useStore as useZustandStore } from 'zustand';
import { redo, undo, useStore } from '../store/store';
import { NewMenu } from './new-menu';
import { OpenButton } from './open-button';
import { ExportMenu } from './export-menu';
import { openUserFiles } from '../actions/open-file';
import { saveProjectAs } from '../actions/save-file';
import { tidy as tidyLayout } from '../actions/tidy-layout';
import { ProjectName } from './project-name';
import { useReadableFit } from '../use-readable-fit';
import { reducedMotion } from '../reduced-motion';
import './toolbar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const mod = isMac ? '⌘' : 'Ctrl+';
const UNDO_HINT = `Undo (${mod}Z)`;
const REDO_HINT = isMac ? `Redo (${mod}Shift+Z)` : `Redo (${mod}Shift+Z or Ctrl+Y)`;

/**
 * The top bar: project name, New / Open / Save as, Export, undo and redo, and on the model view tidy
 * layout and fit view. Must be
 * rendered inside a ReactFlowProvider (it moves the viewport).
 */
export function Toolbar() {
  const { fitView } = useReactFlow();
  const fitReadable = useReadableFit();
  const canUndo = useZustandStore(useStore.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useZustandStore(useStore.temporal, (t) => t.futureStates.length > 0);
  const empty = useStore((s) => s.graph.nodes.length === 0);
  // Tidy and fit act on the canvas, so they show only where it does.
  const onCanvas = useStore((s) => s.view === 'model');

  // After the store changes React Flow still has to render the new nodes; a frame later it has.
  // Fit view shows the whole model however small; tidy keeps the text readable. An opened file
  // is framed by the canvas itself (see useFitOnLoad).
  const fitSoon = () => requestAnimationFrame(() => void fitView({ padding: 0.2, duration: reducedMotion() ? 0 : 300 }));
  const tidy = () => {
    tidyLayout();
    requestAnimationFrame(() => void fitReadable({ duration: reducedMotion() ? 0 : 300 }));
  };
  const open = (files: File[]) => void openUserFiles(files);

  return (
    <div className="toolbar">
      <h1 className="toolbar__brand">Netloom</h1>
      <ProjectName />
      <div className="toolbar__group">
        <NewMenu />
        <OpenButton onFiles={open} />
        <button
          type="button"
          className="toolbar__button"
          data-testid="toolbar-save"
          title="Download the project as a .netloom.json file"
          onClick={saveProjectAs}
        >
          <Download size={16} aria-hidden="true" />
          <span className="toolbar__label">Save as</span>
        </button>
        <ExportMenu />
      </div>
      <div className="toolbar__group">
        <button type="button" className="toolbar__button" data-testid="toolbar-undo" aria-label="Undo" title={UNDO_HINT} disabled={!canUndo} onClick={undo}>
          <Undo2 size={16} aria-hidden="true" />
        </button>
        <button type="button" className="toolbar__button" data-testid="toolbar-redo" aria-label="Redo" title={REDO_HINT} disabled={!canRedo} onClick={redo}>
          <Redo2 size={16} aria-hidden="true" />
        </button>
      </div>
      {onCanvas && (
        <div className="toolbar__group">
          <button
            type="button"
            className="toolbar__button"
            data-testid="toolbar-tidy"
            aria-label="Tidy layout"
            title="Arrange the layers top to bottom"
            disabled={empty}
            onClick={tidy}
          >
            <Workflow size={16} aria-hidden="true" />
            <span className="toolbar__label toolbar__label--canvas">Tidy layout</span>
          </button>
          <button
            type="button"
            className="toolbar__button"
            data-testid="toolbar-fit"
            aria-label="Fit view"
            title="Zoom to show the whole model"
            onClick={fitSoon}
          >
            <Scan size={16} aria-hidden="true" />
            <span className="toolbar__label toolbar__label--canvas">Fit view</span>
          </button>
        </div>
      )}
    </div>
  );
}
