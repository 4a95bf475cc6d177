import type { StateCreator } from 'zustand';
import type { Graph } from '../../src/graph/types';
import type { ViewportBox } from '../viewport-math';
import type { Store } from './store';

/** A button on a notice: what the user can do about it. */
export interface NoticeAction {
  readonly label: string;
  run(): void;
}

/** A message for the user: errors stay until dismissed, info fades (unless it offers actions). */
export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly actions?: readonly NoticeAction[];
}

/** Editor state that is not part of the project and never undone. */
export interface UiSlice {
  /** Node sizes React Flow measured; controlled nodes must carry them back. */
  readonly measured: Readonly<Record<string, { readonly width: number; readonly height: number }>>;
  readonly notice: Notice | null;
  /** The graph before the drag in progress, so a whole drag is one undo step. */
  readonly dragOrigin: Graph | null;
  /** Bumped when a whole new graph arrives (New, Open, restore): the canvas fits it into view. */
  readonly fitRequest: number;
  /** The last `fitRequest` the canvas framed, so a canvas mounted again (back from Data) does not frame it twice. */
  readonly fitted: number;
  /** Where the canvas was last panned and zoomed to: it opens there again after a visit to another view. */
  readonly canvasViewport: ViewportBox | null;
  /** Cards the canvas should pan to show (a layer added from the keyboard, a paste); a new object each time. */
  readonly revealRequest: { readonly ids: readonly string[] } | null;
  setMeasured(sizes: Readonly<Record<string, { width: number; height: number }>>): void;
  showNotice(notice: Notice): void;
  dismissNotice(): void;
  /** Asks the canvas to bring the cards `ids` into view, panning no more than it must. */
  reveal(ids: readonly string[]): void;
  /** Notes that the canvas has framed the graph of `request`. */
  markFitted(request: number): void;
  /** Keeps where the canvas now stands, for when it opens again. */
  setCanvasViewport(viewport: ViewportBox): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  measured: {},
  notice: null,
  dragOrigin: null,
  fitRequest: 0,
  fitted: 0,
  canvasViewport: null,
  revealRequest: null,
  setMeasured: (sizes) => set((s) => ({ measured: { ...s.measured, ...sizes } })),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
  reveal: (ids) => set({ revealRequest: { ids } }),
  markFitted: (request) => set({ fitted: request }),
  setCanvasViewport: (canvasViewport) => set({ canvasViewport }),
});
