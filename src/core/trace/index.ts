/** The trace engine: a request followed from its client to the container port that answers it. */
export { traceRequest } from './traceRequest';
export { traceToJson, type TraceJson } from './traceJson';
export { suggestTraceUrls, type TraceSuggestion } from './suggest';
export { listLoadBalancerAddresses, syntheticLoadBalancerHost, type ExternalServiceAddress } from './loadBalancer';
export { matchIngressPath } from './ingressMatch';
export { matchHost } from './hostMatch';
export { resolveClusterName, serviceDnsNames } from './dns';
export * from './types';
