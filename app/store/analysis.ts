import { analyze } from '../../src/analysis/analyze';
import type { Analysis } from '../../src/analysis/analyze';
import { monitorDiagnostics, trainReadiness } from '../../src/analysis/readiness';
import type { TrainReadiness } from '../../src/analysis/readiness';
import type { DataConfig } from '../../src/data/config';
import { validates } from '../../src/data/validation';
import type { Callbacks } from '../../src/settings/callbacks';
import { metricsFor } from '../../src/settings/training';
import type { TrainingConfig } from '../../src/settings/training';
import type { Graph } from '../../src/graph/types';
import { withDataDiagnostics } from '../../src/data/data-analysis';
import type { DataSignature } from '../../src/data/wiring';

/**
 * True when two graphs differ in anything analysis reads: edges, or a node's id, kind, name,
 * params or trainable flag. Moving a node makes new node objects but keeps these, so a drag never re-analyses.
 */
export function structureChanged(a: Graph, b: Graph): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return true;
  return a.nodes.some((n, i) => {
    const m = b.nodes[i];
    return !m || n.id !== m.id || n.kind !== m.kind || n.name !== m.name || n.params !== m.params || n.trainable !== m.trainable;
  });
}

/** `analysisOf`'s signature: the analysis of a graph, with the chosen data's problems when given. */
export type AnalysisOf = (graph: Graph, signature?: DataSignature | null) => Analysis;

/**
 * A memo of one analysis: the last graph's, reused while the structure and the data signature stay
 * (a drag makes new node objects but keeps both). One slot, not one per graph, so the undo history's
 * graphs do not each keep an analysis alive.
 */
export function createAnalysisMemo(): AnalysisOf {
  let last: { graph: Graph; signature: DataSignature | null; analysis: Analysis } | undefined;
  return (graph, signature = null) => {
    if (last && last.signature === signature && (last.graph === graph || !structureChanged(last.graph, graph))) {
      last = { graph, signature, analysis: last.analysis };
      return last.analysis;
    }
    last = { graph, signature, analysis: withDataDiagnostics(graph, analyze(graph), signature) };
    return last.analysis;
  };
}

/**
 * The analysis of `graph` (with the chosen data's problems when `signature` is given),
 * recomputed only when the structure or the data changed since the last call. Kept out of the
 * store's state so that undo (which restores graphs wholesale) can never leave it stale, and
 * returned as the same object while nothing changed, so selectors stay referentially stable. The
 * app's one memo, made once here beside the store: a derived value, not state of its own.
 */
export const analysisOf: AnalysisOf = createAnalysisMemo();

/** One readiness per analysis: it reads nothing the analysis memo does not also key on. */
const readinessMemo = new WeakMap<Analysis, TrainReadiness>();

/**
 * Whether the model can train on the chosen data, and every reason it cannot: `trainReadiness`
 * over `analysisOf`, returned as the same object while the analysis is, so selectors stay stable.
 */
export function readinessOf(graph: Graph, signature: DataSignature | null = null, run?: RunOf): TrainReadiness {
  const analysis = analysisOf(graph, signature);
  const known = readinessMemo.get(analysis);
  const model = known ?? trainReadiness(graph, analysis);
  if (!known) readinessMemo.set(analysis, model);
  return run === undefined ? model : withRunProblems(model, analysis, run);
}

/** The settings beside the graph that decide whether a run can start: what it logs and what its callbacks watch. */
export interface RunOf {
  readonly training: TrainingConfig;
  readonly callbacks: Callbacks;
  readonly data: DataConfig;
}

/** The last readiness with run problems, per model readiness, while its settings stay the same objects. */
const runMemo = new WeakMap<TrainReadiness, RunOf & { readonly readiness: TrainReadiness }>();

/**
 * `model` with the problems of `run`'s callbacks after its own (`trainReadiness` with the run's
 * settings), the same object while the readiness and those settings are, and `model` itself
 * while the callbacks watch what the run logs.
 */
function withRunProblems(model: TrainReadiness, analysis: Analysis, run: RunOf): TrainReadiness {
  const last = runMemo.get(model);
  if (last && last.training === run.training && last.callbacks === run.callbacks && last.data === run.data) return last.readiness;
  const settings = { metrics: metricsFor(run.training), callbacks: run.callbacks, validated: validates(run.data) };
  const extra = monitorDiagnostics(settings, Math.max(1, analysis.outputs.length));
  const problems = [...model.problems, ...extra];
  const readiness = extra.length === 0 ? model : { ready: problems.length === 0, problems };
  runMemo.set(model, { training: run.training, callbacks: run.callbacks, data: run.data, readiness });
  return readiness;
}
