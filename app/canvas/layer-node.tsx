import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { Snowflake } from 'lucide-react';
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { LayerKind } from '../../src/graph/layer-kinds';
import { layerSpec } from '../../src/layers/registry';
import { CATEGORY_ICON, categoryColor } from '../layer-style';
import { analysisOf } from '../store/analysis';
import { useStore } from '../store/store';
import { InsightSpark } from '../insight/insight-spark';
import { nodeView } from './node-view';
import { NodeMenu } from './node-menu';
import { NodeProblem } from './node-problem';
import { formatCount } from '../../src/lib/format-count';

function LayerNodeView({ id, selected }: NodeProps) {
  const view = useStore((s) => nodeView(s.graph, id, s.dataSignature));
  if (view.kind === '') return null;
  const spec = layerSpec(view.kind as LayerKind);
  const Icon = CATEGORY_ICON[spec.category];
  const problem = view.errors > 0 ? 'error' : view.warnings > 0 ? 'warning' : null;

  const applyFix = () => {
    const { graph, dataSignature, applyFix: apply } = useStore.getState();
    const fix = analysisOf(graph, dataSignature).nodes[id]?.diagnostics.find((d) => d.fix)?.fix;
    if (fix) apply(fix);
  };

  return (
    <div
      className={`layer-node${selected ? ' is-selected' : ''}${problem ? ` has-${problem}` : ''}${view.frozen ? ' is-frozen' : ''}`}
      style={{ '--node-color': categoryColor(spec.category) } as CSSProperties}
      data-testid={`node-${view.name}`}
      title={spec.description}
    >
      {spec.arity.max > 0 && <Handle type="target" position={Position.Top} id="in" />}
      <div className="layer-node__head">
        <Icon className="layer-node__icon" size={14} aria-hidden />
        <span className="layer-node__kind">{view.title}</span>
        <span className="layer-node__name">{view.name}</span>
        {view.frozen && (
          <span className="layer-node__frozen" title="Frozen (trainable = False): training leaves its weights alone" data-testid="frozen">
            <Snowflake size={12} aria-hidden />
            frozen
          </span>
        )}
        <NodeMenu id={id} name={view.name} />
      </div>
      {view.headline !== '' && (
        <div className="layer-node__headline" title={view.headlineArgs} data-testid="headline">
          {view.headline}
        </div>
      )}
      <div className="layer-node__body">
        <code className="layer-node__shape" data-testid="shape">
          {view.shape}
        </code>
        <span className="layer-node__params" data-testid="params">
          {formatCount(view.params)} params
        </span>
      </div>
      <InsightSpark name={view.name} />
      {problem && <NodeProblem severity={problem} message={view.message} {...(view.fixLabel ? { fix: { label: view.fixLabel, run: applyFix } } : {})} />}
      <Handle type="source" position={Position.Bottom} id="out" />
    </div>
  );
}

/** A layer on the canvas: kind, name, main settings, output shape, params and its first problem with its fix. */
export const LayerNode = memo(LayerNodeView);
