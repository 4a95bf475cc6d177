import { useConnection, ViewportPortal } from '@xyflow/react';
import { connectionProblem } from '../../src/analysis/ops';
import { useStore } from '../store/store';

/** While a connection is dragged over a layer that refuses it, says why next to the pointer. */
export function ConnectionHint() {
  const connection = useConnection();
  const graph = useStore((s) => s.graph);
  if (!connection.inProgress || !connection.toNode || !connection.fromNode) return null;
  const [source, target] =
    connection.fromHandle?.type === 'target' ? [connection.toNode.id, connection.fromNode.id] : [connection.fromNode.id, connection.toNode.id];
  const reason = connectionProblem(graph, source, target);
  if (reason === null) return null;
  return (
    <ViewportPortal>
      <div
        className="connection-hint"
        role="alert"
        style={{ transform: `translate(${connection.to.x + 14}px, ${connection.to.y + 14}px)` }}
        data-testid="connection-hint"
      >
        {reason}
      </div>
    </ViewportPortal>
  );
}
