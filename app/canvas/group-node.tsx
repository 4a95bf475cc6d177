import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { Boxes } from 'lucide-react';
import { memo } from 'react';
import { formatCount } from '../../src/lib/format-count';
import { useStore } from '../store/store';
import { GroupActions } from '../group-actions';
import { groupView } from '../group-view';
import { NodeMenu } from './node-menu';
import { NodeProblem } from './node-problem';

function GroupNodeView({ id, selected }: NodeProps) {
  const view = useStore((s) => groupView(s.graph, id, s.dataSignature));
  if (view === null) return null;
  const problem = view.errors > 0 ? 'error' : view.warnings > 0 ? 'warning' : null;
  return (
    <div
      className={`group-node${selected ? ' is-selected' : ''}${problem ? ` has-${problem}` : ''}${view.frozen ? ' is-frozen' : ''}`}
      data-testid={`group-${view.title}`}
      title={`${view.title}: ${view.layers} layers, drawn as one. Expand it to see and edit them.`}
    >
      <Handle type="target" position={Position.Top} id="in" />
      <div className="group-node__head">
        <Boxes className="group-node__icon" size={14} aria-hidden />
        <span className="group-node__title">{view.title}</span>
        <GroupActions id={id} title={view.title} collapsed />
        <NodeMenu id={id} name={view.title} />
      </div>
      <dl className="group-node__shapes">
        <div>
          <dt>in</dt>
          <dd data-testid="group-input">{view.input}</dd>
        </div>
        <div>
          <dt>out</dt>
          <dd data-testid="group-output">{view.output}</dd>
          <span className="group-node__count">{view.layers} layers</span>
        </div>
      </dl>
      <div className="group-node__params" data-testid="group-params">
        {formatCount(view.trainable)} trainable · {formatCount(view.nonTrainable)} non-trainable
      </div>
      {problem && <NodeProblem severity={problem} message={view.message} />}
      <Handle type="source" position={Position.Bottom} id="out" />
    </div>
  );
}

/** A collapsed group on the canvas: title, input and output shapes, weight counts, first problem, expand and ungroup. */
export const GroupNode = memo(GroupNodeView);
