import { Boxes } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { blockSpec } from '../../src/analysis/blocks';
import { groupById } from '../../src/graph/groups';
import { formatCount } from '../../src/lib/format-count';
import { GroupActions } from '../group-actions';
import { groupView } from '../group-view';
import { categoryColor } from '../layer-style';
import { useStore } from '../store/store';
import { PanelHeader } from './panel-header';

/**
 * The inspector for a selected group: what it is, its shapes and weight counts, expand or collapse
 * and ungroup, and its layers, each a button that opens that layer's form (collapsed or not).
 */
export function GroupPanel({ groupId }: { readonly groupId: string }) {
  const view = useStore((s) => groupView(s.graph, groupId, s.dataSignature));
  const ids = useStore((s) => groupById(s.graph, groupId)?.members);
  // Names and kinds only, compared item by item: dragging a layer does not re-render the panel.
  const names = useStore(useShallow((s) => (ids ?? []).map((id) => s.graph.nodes.find((n) => n.id === id)?.name ?? id)));
  const kinds = useStore(useShallow((s) => (ids ?? []).map((id) => s.graph.nodes.find((n) => n.id === id)?.kind ?? '')));
  if (view === null) return null;
  const block = blockSpec(view.kind);
  return (
    <div className="insp-form" data-testid="group-panel">
      <PanelHeader icon={Boxes} title={view.title} tag={`${view.layers} layers`} color={categoryColor(block?.category ?? 'Core')}>
        {block?.description ?? 'Layers drawn together.'}{' '}
        {view.kind === 'Model'
          ? 'The model and its shapes are the same as without the group; the Keras script writes it as a nested keras.Model (one input, one output), model.json keeps its layers.'
          : 'The group only changes how the canvas draws them: the model, its shapes and its export are the same.'}
      </PanelHeader>
      <GroupActions id={groupId} title={view.title} collapsed={view.collapsed} labelled />
      <dl className="insp-stats">
        <div>
          <dt>Input shape</dt>
          <dd>
            <code>{view.input}</code>
          </dd>
        </div>
        <div>
          <dt>Output shape</dt>
          <dd data-testid="inspector-shape">
            <code>{view.output}</code>
          </dd>
        </div>
        <div>
          <dt>Params</dt>
          <dd data-testid="inspector-params">
            <strong>{formatCount(view.trainable + view.nonTrainable)}</strong>{' '}
            <span className="muted">
              ({formatCount(view.trainable)} trainable / {formatCount(view.nonTrainable)} non-trainable)
            </span>
          </dd>
        </div>
      </dl>
      <section aria-label="Layers in the group">
        <h3 className="insp-section-title">Layers</h3>
        <ol className="insp-group-layers">
          {(ids ?? []).map((id, i) => (
            <li key={id}>
              <button type="button" className="insp-group-layer" aria-label={`Edit ${names[i]} (${kinds[i]})`} onClick={() => useStore.getState().select([id])}>
                <span>{kinds[i]}</span>
                <code>{names[i]}</code>
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
