import type { ObjectId } from '../model/ids';
import type { SourceSpan } from '../model/source';

/**
 * The vocabulary of a trace: one request, followed hop by hop from the client to the container
 * port that answers it (or to the object where it stops). Shared by both worlds: the Kubernetes
 * tracer and the Compose tracer produce the same `Trace`.
 */

/** What a hop is, in the CLI contract's words (Gateway → `loadbalancer`, HTTPRoute → `ingress`). */
export type HopKind =
  'client' | 'loadbalancer' | 'node' | 'ingress' | 'service' | 'pod' | 'container' | 'host' | 'network' | 'external';

/** One step of the request. */
export type Hop = {
  kind: HopKind;
  name: string;
  namespace?: string;
  /** The port the request arrives at here (a containerPort on the `container` hop). */
  port?: number;
  /** Short, factual: what applied here (the CLI prints it). */
  detail: string;
  /** A teaching sentence for the trace panel and the presentation mode. */
  caption: string;
  /** The Topology object this hop happens at, for the canvas to highlight. */
  objectId?: ObjectId;
  /** The YAML of the rule or port that applied, for jumping to the source. */
  span?: SourceSpan;
  /** Something that works but deserves a look (https without TLS, an undeclared containerPort). */
  warning?: string;
  /** The request stops here (the UI paints it red). */
  failed?: boolean;
};

/** Stable failure codes; tests and docs refer to them. */
export type TraceFailureCode =
  | 'TRACE-BAD-URL'
  | 'TRACE-BAD-FROM'
  | 'TRACE-UNSUPPORTED-WORLD'
  | 'TRACE-DNS-NXDOMAIN'
  | 'TRACE-NO-RULE'
  | 'TRACE-NO-LISTENER'
  | 'TRACE-BACKEND-NOT-SERVICE'
  | 'TRACE-NO-BACKEND'
  | 'TRACE-SERVICE-NOT-FOUND'
  | 'TRACE-PORT-NOT-ON-SERVICE'
  | 'TRACE-NODEPORT-CLOSED'
  | 'TRACE-NO-ENDPOINTS'
  | 'TRACE-NAMED-PORT-NOT-FOUND'
  | 'TRACE-POLICY-DENIED'
  // Compose
  | 'TRACE-COMPOSE-NOT-PUBLISHED'
  | 'TRACE-COMPOSE-LOCAL-ONLY'
  | 'TRACE-COMPOSE-NO-SHARED-NETWORK'
  | 'TRACE-COMPOSE-INACTIVE-PROFILE';

/** Why and where a request stops. */
export type TraceFailure = {
  code: TraceFailureCode;
  /** What happened, why, and how to fix it. */
  message: string;
  /** The id of the object where the request stops. */
  object?: ObjectId;
  /** The HTTP-like status a client would see (404 no rule, 503 no endpoints); absent for timeouts and DNS errors. */
  status?: number;
};

/** A request to trace. */
export type TraceRequest = {
  /** `https://api.example.com/v1`, `http://node-1:30080/`, `http://cart.shop:7070`, `postgres:5432` */
  url: string;
  /** The client inside the cluster: a workload, pod or Service name, optionally `namespace/name`. */
  from?: string;
  /** 0-based number of this request in a series; drives round robin and weighted picks. */
  requestIndex?: number;
  /** The client's address (outside clients default to `EXTERNAL_CLIENT_IP`); drives ClientIP affinity and ipBlock. */
  clientIp?: string;
  /** HTTP method, for Gateway API method matches (default GET). */
  method?: string;
  /** Request headers, for Gateway API header matches. */
  headers?: Record<string, string>;
};

/** A request followed to its end. `ok` is true when it reached a container (or left the cluster on purpose). */
export type Trace = {
  ok: boolean;
  hops: Hop[];
  failure?: TraceFailure;
  /**
   * The request arrives, but likely fails there (a port the pod does not declare while it
   * declares others): the UI ends such a trace amber, the diagnostics call it a warning.
   */
  doubt?: string;
};

/**
 * The address the Internet client has in traces (TEST-NET-3, RFC 5737), for NetworkPolicy
 * `ipBlock` checks and ClientIP session affinity when the request names none.
 */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';

/** The cluster DNS domain Portolan assumes (the kubelet default). */
export const CLUSTER_DOMAIN = 'cluster.local';
