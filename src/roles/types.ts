import type { ObjectId } from '../core/model/ids';
import type { ObjectOfRole, Role, TopologyObject, World } from '../core/model/topology';
import type { HopKind } from '../core/trace/types';
import type { FactContext, InspectorSection } from './inspection';
import type { RoleColour } from './palette';

/**
 * What the app knows about a role, in one place: the layout, the canvas, the SVG renderer and
 * the inspector read it. A model role (`TopologyObject['role']`) has a `RoleSpec`; the view adds
 * roles of its own (synthetic groups, the image registries) that only have a look.
 */

/** Roles the view draws without a Topology object of their own. */
export type ViewOnlyRole = 'group' | 'registry' | 'door' | 'membership' | 'controller';
/** Every role a box can have. */
export type ViewRole = Role | ViewOnlyRole;

/** The control plane as one box, a box with a line per component, or not at all. */
export type ControlPlaneMode = 'collapsed' | 'expanded' | 'hidden';

/** What a role needs to know of the view it is drawn in. */
export type ViewContext = {
  /** the world drawn (Kubernetes when absent) */
  world?: World;
  /** the application view (namespaces, workloads) rather than the infrastructure view */
  application: boolean;
  /** ConfigMaps, Secrets, claims and ServiceAccounts are drawn */
  showConfig: boolean;
  controlPlane: ControlPlaneMode;
};

/** What a box says: its title, a subtitle and a few lines of detail. */
export type BoxText = { title: string; subtitle?: string; lines: string[] };

/**
 * How a group box is filled: `outer` (a cluster, a host: the tinted band), `inner` (a worker
 * node, a network, a workload: plain), `frame` (a synthetic group: a dashed outline only).
 */
export type GroupStyle = 'outer' | 'inner' | 'frame';

/**
 * Docking (layout/dock.ts): boxes that carry no traffic are left out of ELK's pass and placed
 * afterwards, inside a docking host.
 */
export type DockSpec = {
  /** it docks its children that carry no traffic around what ELK placed (the cluster) */
  hostsDocked?: boolean;
  /** docked or not, it joins the grid of its peers (worker nodes) rather than the bottom row */
  grid?: boolean;
  /** columns its own children are packed in when it is docked (default 3) */
  columns?: number;
  /** a long column of these (ELK's Services layer) wraps into a few, side by side */
  wrapsColumn?: boolean;
};

/**
 * Trace hops without a box of their own (the ingress controller: an IngressClass, or nothing)
 * land on a box of this role. `owns` picks the box that belongs to the hop's object (an Ingress
 * of the controller's class); without it, the first box of the role will do.
 */
export type HopLanding<R extends Role> = {
  hopKind: HopKind;
  owns?: (object: ObjectOfRole<R>, hopObject: TopologyObject | undefined) => boolean;
};

/** A synthetic group its boxes gather in (infrastructure view: inside the cluster). */
export type Gathering = {
  id: string;
  title: string;
  subtitle?: string;
  /** application view: one such group per namespace, beside it */
  perNamespace?: boolean;
};

/** What every role has, view-only roles included: how its boxes look. */
export type RoleLook = {
  /** what the role is called in prose and legends: `Worker node` */
  label: string;
  /** the colour of its boxes' left bar and kind label, and of its minimap dot (`--role-<role>`) */
  colour: RoleColour;
  /** drawn as a group that holds other boxes, filled so; absent: a plain box */
  group?: GroupStyle;
  /** what a rendered picture's kind line says instead of the object's kind */
  kindLabel?: string;
  dock?: DockSpec;
};

/** Everything the app knows about one role of the model. */
export type RoleSpec<R extends Role> = RoleLook & {
  role: R;
  /** what its box shows */
  box: (object: ObjectOfRole<R>, view: ViewContext) => BoxText;
  /** whether the view draws it (default: always) */
  drawn?: (object: ObjectOfRole<R>, view: ViewContext) => boolean;
  /** it stands at the top level of the picture, never inside the cluster or a namespace */
  root?: boolean;
  /** application view: the drawn object it sits in before its namespace (a pod in its workload) */
  applicationParent?: (object: ObjectOfRole<R>, byId: ReadonlyMap<string, TopologyObject>) => ObjectId | undefined;
  /** its boxes gather in one synthetic group */
  gathers?: Gathering;
  /** the widest its box grows, when wider than other boxes may (default: the view's) */
  maxWidth?: number;
  /** the object whose spec makes it (a pod's workload): that object's problems show on it too */
  inherits?: (object: ObjectOfRole<R>) => ObjectId | undefined;
  /** when it is not drawn, the arrows that end at it end at these instead (a workload's pods) */
  standsFor?: (object: ObjectOfRole<R>) => readonly ObjectId[];
  landing?: HopLanding<R>;
  /** the inspector's sections about it, after its labels; empty sections are dropped */
  facts?: (object: ObjectOfRole<R>, context: FactContext) => InspectorSection[];
  /** listed among its namespace's objects in the inspector (default true) */
  listedInNamespace?: boolean;
};

/** The registry: a spec per model role, a look per view-only role. */
export type RoleRegistry = { [R in Role]: RoleSpec<R> } & { [R in ViewOnlyRole]: RoleLook };
