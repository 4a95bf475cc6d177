import type { StateCreator } from 'zustand';
import type { InsightSnapshot } from '../../src/train/insight-types';
import { appendInsightPoint, EMPTY_LAYER_SERIES } from './insight-series';
import type { LayerSeries } from './insight-series';
import { graphKeyOf } from './model-weights';
import type { Store } from './store';
import type { SamplePositions } from '../../src/data/text';

/** The sample the views' pictures are of: where it sits among the samples, and its class when known. */
export interface InsightSample {
  /** How many samples there are to choose from (the validation samples, else the training ones). */
  readonly count: number;
  /** Its class name (or target value), when the data says. */
  readonly label?: string;
  /** For data with a text column: the tokens of the sample, so attention maps are labelled by them. */
  readonly positions?: SamplePositions;
}

/** The latest sample of the views and the sample its pictures are of. */
export interface InsightLatest {
  readonly snapshot: InsightSnapshot;
  readonly sample: InsightSample;
}

/** The views of the current run (or the last), or of the current model asked for after training. */
export interface InsightState {
  /** Per layer name: its numbers over the run's steps. */
  readonly series: Readonly<Record<string, LayerSeries>>;
  readonly latest: InsightLatest | null;
  /** The `modelKey` of the graph the views were sampled from: once the graph changes they no longer describe it. */
  readonly key?: string;
  /** Why the views of the current model could not be read, when they were asked for and failed. */
  readonly error?: string;
}

export const EMPTY_INSIGHT: InsightState = { series: {}, latest: null };

/** Views inside the network while it learns (statistics per layer, filters, feature maps, boundaries). Not saved with the project. */
export interface InsightSlice {
  /** Whether runs sample the views (on unless turned off). */
  readonly insightOn: boolean;
  /** The 0-based sample the pictures are of. */
  readonly insightSample: number;
  readonly insight: InsightState;
  setInsightOn(on: boolean): void;
  setInsightSample(sample: number): void;
  /** Samples of the run's views, in order, in one update: each grows its layers' series; the last is the latest. */
  recordInsight(snapshots: readonly InsightLatest[]): void;
  /** A sample of the current model's views outside a run (no gradients): the latest, the series left as they are. */
  showInsight(latest: InsightLatest): void;
  /** Asking for the current model's views failed: `error` says why. */
  insightFailed(error: string): void;
  clearInsight(): void;
}

export const createInsightSlice: StateCreator<Store, [], [], InsightSlice> = (set) => ({
  insightOn: true,
  insightSample: 0,
  insight: EMPTY_INSIGHT,
  setInsightOn: (insightOn) => set({ insightOn }),
  setInsightSample: (sample) => set({ insightSample: Math.max(0, Math.floor(sample)) }),
  recordInsight: (snapshots) =>
    set((s) => {
      const last = snapshots[snapshots.length - 1];
      if (!last) return {};
      const series: Record<string, LayerSeries> = { ...s.insight.series };
      for (const { snapshot } of snapshots) {
        for (const stats of snapshot.layers) series[stats.layer] = appendInsightPoint(series[stats.layer] ?? EMPTY_LAYER_SERIES, stats, snapshot.step);
      }
      const key = s.run?.modelKey;
      return { insight: { series, latest: last, ...(key === undefined ? {} : { key }) } };
    }),
  showInsight: (latest) =>
    set((s) => {
      // A trained model's views after another run's series: those series describe another model.
      const key = graphKeyOf(s.graph);
      return { insight: { series: s.insight.key === undefined || s.insight.key === key ? s.insight.series : {}, latest, key } };
    }),
  insightFailed: (error) => set((s) => ({ insight: { ...s.insight, error } })),
  clearInsight: () => set({ insight: EMPTY_INSIGHT }),
});

/**
 * The views as they stand for the graph on the canvas: empty when they were sampled from another
 * model (the graph was edited since, or another run was restored), so no node shows numbers that
 * are not its own.
 */
export function insightOf(s: Pick<Store, 'insight' | 'graph'>): InsightState {
  return s.insight.key === undefined || s.insight.key === graphKeyOf(s.graph) ? s.insight : EMPTY_INSIGHT;
}
