import { InsightSection } from '../insight/insight-section';
import { analysisOf } from '../store/analysis';
import { useStore } from '../store/store';
import { layerSpec } from '../../src/layers/registry';
import { DiagnosticList } from './diagnostic-list';
import { GroupBreadcrumb } from './group-breadcrumb';
import { LayerHeader } from './layer-header';
import { LayerStats } from './layer-stats';
import { NameField } from './name-field';
import { ParamField } from './param-field';
import { TrainableField } from './trainable-field';

/**
 * Everything about one layer. Each piece selects only what it shows (kind, name, the node's
 * analysis), so dragging the node on the canvas does not re-render the form.
 */
export function LayerForm({ nodeId }: { readonly nodeId: string }) {
  const kind = useStore((s) => s.graph.nodes.find((n) => n.id === nodeId)?.kind);
  const name = useStore((s) => s.graph.nodes.find((n) => n.id === nodeId)?.name ?? '');
  const analysis = useStore((s) => analysisOf(s.graph, s.dataSignature).nodes[nodeId]);
  if (kind === undefined) return null;
  const spec = layerSpec(kind);
  const params = Object.entries(spec.params);
  const main = params.filter(([, p]) => p.advanced !== true);
  const more = params.filter(([, p]) => p.advanced === true);
  const field = ([key, paramSpec]: (typeof params)[number]) => <ParamField key={key} nodeId={nodeId} name={key} spec={paramSpec} />;
  return (
    <div className="insp-form" data-testid="inspector-form">
      <LayerHeader spec={spec} />
      <GroupBreadcrumb nodeId={nodeId} />
      <NameField nodeId={nodeId} name={name} />
      <LayerStats analysis={analysis} />
      <DiagnosticList diagnostics={analysis?.diagnostics ?? []} />
      <section className="insp-params" aria-label="Parameters">
        <h3 className="insp-section-title">Parameters</h3>
        {params.length === 0 ? <p className="insp-help">{spec.kerasClass} has no parameters.</p> : main.map(field)}
        {more.length > 0 && (
          <details className="insp-more">
            <summary>More ({more.length})</summary>
            {more.map(field)}
          </details>
        )}
        {kind !== 'Input' && <TrainableField nodeId={nodeId} />}
      </section>
      <InsightSection name={name} />
    </div>
  );
}
