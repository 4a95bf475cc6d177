import type { Diagnostic } from '../graph/diagnostics';
import { diagnostic } from '../graph/diagnostics';
import type { Graph, LayerNode } from '../graph/types';
import { CALLBACKS } from '../settings/callbacks';
import type { CallbackKey, Callbacks } from '../settings/callbacks';
import type { Metric } from '../settings/metrics';
import { monitorProblem } from '../settings/monitors';
import type { Analysis } from './analyze';

/** Whether a model can start training, and every reason it cannot. */
export interface TrainReadiness {
  /** True when nothing in `problems` stands in the way: a run can start. */
  readonly ready: boolean;
  /**
   * The analysis's errors (the data's too, when the analysis holds them), or, for a model without
   * errors, what still leaves a run with nothing to do. Each names its layer where there is one.
   */
  readonly problems: readonly Diagnostic[];
}

const names = (nodes: readonly LayerNode[]) => nodes.map((n) => n.name).join(', ');

/**
 * What stops a model with no errors from training: no layers, an Input with nothing after it, or
 * no weight the optimizer may change (tfjs then fails its first step with "variableGrads() expects
 * at least one of the input variables to be trainable"). Such a model still builds and exports.
 */
function nothingToTrain(graph: Graph, analysis: Analysis): Diagnostic | null {
  if (graph.nodes.length === 0) {
    return diagnostic(
      'empty-model',
      'The model is empty: it needs an Input layer and the layers that lead to the output (in the app, drag them from the palette or pick a template)',
    );
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const input = byId.get(analysis.inputs[0] ?? '');
  if (analysis.outputs.length === 0) {
    return diagnostic(
      'no-output',
      `${input?.name ?? 'The Input'} is the only layer: connect the layers that turn its data into the output (a Dense layer, say)`,
      input?.id,
    );
  }
  if (analysis.total.trainable > 0) return null;
  const output = byId.get(analysis.outputs[0] ?? '');
  const ordered = analysis.order.flatMap((id) => {
    const node = byId.get(id);
    return node && node.kind !== 'Input' ? [node] : [];
  });
  const weighted = ordered.filter((n) => (analysis.nodes[n.id]?.params.nonTrainable ?? 0) > 0 && n.trainable === false);
  const head = weighted.at(-1);
  if (head) {
    return diagnostic(
      'no-trainable-weights',
      `Every layer with weights is frozen (${names(weighted)}), so training has nothing to change: make ${head.name} trainable again (its trainable box in the inspector, or "trainable": true in the project file) or add a layer after it`,
      head.id,
    );
  }
  return diagnostic(
    'no-trainable-weights',
    `No layer between ${input?.name ?? 'the Input'} and ${output?.name ?? 'the output'} has weights to train (${names(ordered)}): add one that has, such as Dense`,
    output?.id,
  );
}

/** What a run is set to do beside the model, as far as readiness reads it: what it logs and what its callbacks watch. */
export interface RunSettings {
  /** The metrics the run compiles (`metricsFor(config)`). */
  readonly metrics: readonly Metric[];
  readonly callbacks: Callbacks;
  /** Whether the run has held-out data (a validation split above 0, or a validation file). */
  readonly validated: boolean;
}

/**
 * Each callback that is on and watches a quantity the run will never log: Keras only warns
 * (and the callback then never acts), which would leave the user's setting silently doing nothing.
 */
export function monitorDiagnostics(run: RunSettings, outputs: number): Diagnostic[] {
  return (Object.keys(CALLBACKS) as CallbackKey[]).flatMap((key) => {
    const values = run.callbacks[key];
    if (!values.enabled) return [];
    const problem = monitorProblem(CALLBACKS[key].label, values.monitor, { metrics: run.metrics, validated: run.validated, outputs });
    return problem === null ? [] : [diagnostic('monitor-not-logged', problem)];
  });
}

/**
 * Can this model train, and why not: the one derivation behind the data-fit verdict, the Train
 * button and the CLI's `train`, so none of them says yes while another says no. Pass the analysis
 * with the data's problems in it (`withDataDiagnostics`) to check the model against the data too,
 * and `run` to check the callbacks against what the run logs (after the model's own problems).
 */
export function trainReadiness(graph: Graph, analysis: Analysis, run?: RunSettings): TrainReadiness {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const model = errors.length > 0 ? errors : [nothingToTrain(graph, analysis)].filter((d): d is Diagnostic => d !== null);
  const problems = run === undefined ? model : [...model, ...monitorDiagnostics(run, Math.max(1, analysis.outputs.length))];
  return { ready: problems.length === 0, problems };
}
