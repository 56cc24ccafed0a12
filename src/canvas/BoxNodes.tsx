import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { KUBE_IDS, TEST_IDS, VIEW_IDS } from '../testIds';
import { BoxActionsContext, ShapesOnlyContext, useHighlight, type BoxActions } from './boxContext';
import './foldAndFocus.css';
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

/**
 * A button on a box that changes what the picture draws (a stack, a closed group). The click
 * stops there: opening replaces the box, and selecting it on the way would leave the selection
 * on nothing. Read-only pictures (embeds, presentations) draw none.
 */
function BoxActionButton(props: {
  testId: string;
  title: string;
  ariaLabel?: string;
  label: string;
  act: (actions: BoxActions) => void;
}) {
  const actions = useContext(BoxActionsContext);
  if (actions.readOnly) return null;
  return (
    <button
      type="button"
      className="stack-button nodrag nopan"
      data-testid={props.testId}
      title={props.title}
      {...(props.ariaLabel ? { 'aria-label': props.ariaLabel } : {})}
      onClick={(event) => {
        event.stopPropagation();
        props.act(actions);
      }}
    >
      {props.label}
    </button>
  );
}

/** Opens a stack of pods, so each is drawn on its own. */
const ExpandStackButton = ({ stackId, count }: { stackId: string; count: number }) => (
  <BoxActionButton
    testId={VIEW_IDS.stackExpand}
    title={`Draw each of the ${count} pods`}
    label={`⤢ show ${count}`}
    act={(a) => a.expandStack(stackId)}
  />
);

/** Folds an opened stack back into one box. */
const CollapseStackButton = ({ stackId }: { stackId: string }) => (
  <BoxActionButton
    testId={VIEW_IDS.stackCollapse}
    title="Fold these pods back into one stack"
    label="⤡ stack"
    act={(a) => a.collapseStack(stackId)}
  />
);

/** Closes a namespace, worker node or network into one box that counts what it holds. */
const CloseGroupButton = ({ groupId, title }: { groupId: string; title: string }) => (
  <BoxActionButton
    testId={VIEW_IDS.groupCollapse}
    title={`Close ${title} into one box`}
    ariaLabel={`Close ${title}`}
    label="⤡ close"
    act={(a) => a.closeGroup(groupId)}
  />
);

/** Opens a closed group: what it holds is drawn again. */
const OpenGroupButton = ({ groupId, title }: { groupId: string; title: string }) => (
  <BoxActionButton
    testId={VIEW_IDS.groupExpand}
    title={`Open ${title}: draw what it holds`}
    ariaLabel={`Open ${title}`}
    label="⤢ open"
    act={(a) => a.openGroup(groupId)}
  />
);

/** A box for one object: its kind, name, a subtitle and a few lines of detail. */
export const ObjectBox = memo(function ObjectBox({ id, data }: NodeProps<BoxNode>) {
  const { box } = data;
  const highlight = useHighlight(id);
  const shapesOnly = useContext(ShapesOnlyContext);
  return (
    <div
      className={`box box-${box.role} ${box.stack ? 'box-stack' : ''} ${box.folded ? 'box-folded' : ''} ${highlight ? `is-${highlight}` : ''} ${box.problems.error ? 'has-error' : ''} ${box.rejected ? 'is-rejected' : ''}`}
      data-testid={TEST_IDS.node}
      data-object-id={box.objectId ?? box.id}
      data-kind={box.kind}
      data-name={box.title}
      data-stack={box.stack?.pods.length}
      data-folded={box.folded?.reason}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {!shapesOnly && <BoxText box={box} />}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

/** What an object's box says: its kind and buttons, its name, a subtitle and a few lines. */
function BoxText({ box }: { box: BoxNode['data']['box'] }) {
  return (
    <>
      <div className="box-header">
        <span className="box-kind">{box.kind}</span>
        <span className="box-header-end">
          {box.stack && <ExpandStackButton stackId={box.id} count={box.stack.pods.length} />}
          {box.folded && box.folded.reason !== 'size' && <OpenGroupButton groupId={box.id} title={box.title} />}
          {box.collapsibleStack && <CollapseStackButton stackId={box.collapsibleStack} />}
          <ProblemBadge counts={box.problems} />
        </span>
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
      {box.rejected && (
        <div className="box-rejected" data-testid={KUBE_IDS.rejected} title={box.rejectedMessage}>
          {box.rejected}
        </div>
      )}
    </>
  );
}

/** A group: the cluster, a worker node, a host; its children are drawn inside. */
export const GroupBox = memo(function GroupBox({ id, data }: NodeProps<BoxNode>) {
  const { box } = data;
  const highlight = useHighlight(id);
  return (
    <div
      className={`group group-${box.role} ${highlight ? `is-${highlight}` : ''} ${box.problems.error ? 'has-error' : ''}`}
      data-testid={TEST_IDS.groupNode}
      data-object-id={box.objectId ?? box.id}
      data-kind={box.kind}
      data-name={box.title}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="group-header">
        <span className="group-title">
          {box.title}
          {box.collapsibleStack && <CollapseStackButton stackId={box.collapsibleStack} />}
          {box.foldable && <CloseGroupButton groupId={box.id} title={box.title} />}
          <ProblemBadge counts={box.problems} />
        </span>
        {box.subtitle && <span className="group-subtitle">{box.subtitle}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

export const NODE_TYPES = { object: ObjectBox, group: GroupBox };
