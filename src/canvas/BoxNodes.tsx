import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { TEST_IDS } from '../ui/testIds';
import { useStore } from '../state/store';
import type { BoxNode } from './toFlow';

function ProblemBadge({ counts }: { counts: { error: number; warning: number; info: number } }) {
  if (counts.error > 0)
    return (
      <span className="badge badge-error" title={`${counts.error} error(s)`}>
        {counts.error}
      </span>
    );
  if (counts.warning > 0)
    return (
      <span className="badge badge-warning" title={`${counts.warning} warning(s)`}>
        {counts.warning}
      </span>
    );
  return null;
}

const selectHighlight = (id: string) => (s: { selectedId?: string; cursorIds: string[] }) =>
  s.selectedId === id ? 'selected' : s.cursorIds.includes(id) ? 'cursor' : '';

/** A box for one object: its kind, name, a subtitle and a few lines of detail. */
export const ObjectBox = memo(function ObjectBox({ id, data }: NodeProps<BoxNode>) {
  const { box } = data;
  const highlight = useStore(selectHighlight(id));
  return (
    <div
      className={`box box-${box.role} ${highlight ? `is-${highlight}` : ''} ${box.problems.error ? 'has-error' : ''}`}
      data-testid={TEST_IDS.node}
      data-object-id={box.objectId ?? box.id}
      data-kind={box.kind}
      data-name={box.title}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="box-header">
        <span className="box-kind">{box.kind}</span>
        <ProblemBadge counts={box.problems} />
      </div>
      <div className="box-title" title={box.title}>
        {box.title}
      </div>
      {box.subtitle && <div className="box-subtitle">{box.subtitle}</div>}
      {box.lines.length > 0 && (
        <ul className="box-lines">
          {box.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

/** A group: the cluster, a worker node, a host; its children are drawn inside. */
export const GroupBox = memo(function GroupBox({ id, data }: NodeProps<BoxNode>) {
  const { box } = data;
  const highlight = useStore(selectHighlight(id));
  return (
    <div
      className={`group group-${box.role} ${highlight ? `is-${highlight}` : ''}`}
      data-testid={TEST_IDS.groupNode}
      data-object-id={box.objectId ?? box.id}
      data-kind={box.kind}
      data-name={box.title}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="group-header">
        <span className="group-title">{box.title}</span>
        {box.subtitle && <span className="group-subtitle">{box.subtitle}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

export const NODE_TYPES = { object: ObjectBox, group: GroupBox };
