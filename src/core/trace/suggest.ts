import type { Topology } from '../model/topology';
import { suggestComposeTraceUrls } from './compose/suggestCompose';
import { suggestKubernetesUrls } from './kubernetes/suggest';

/** A request worth tracing, for the trace panel's suggestions and the CLI's help. */
export type TraceSuggestion = {
  url: string;
  /** the client workload (Kubernetes) or service (Compose), for requests from inside */
  from?: string;
  /** what it shows, e.g. `Ingress golang-backend-api-ingress` */
  label: string;
  entry: 'ingress' | 'gateway' | 'nodePort' | 'loadBalancer' | 'inside' | 'published';
};

/** Requests worth tracing in a topology, whatever its world, most telling first. */
export function suggestTraceUrls(topology: Topology): TraceSuggestion[] {
  switch (topology.world) {
    case 'kubernetes':
      return suggestKubernetesUrls(topology);
    case 'compose':
      return suggestComposeTraceUrls(topology);
    default:
      return [];
  }
}
