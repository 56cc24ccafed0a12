import type { Topology } from '../core/model/topology';
import { traceRequest } from '../core/trace/traceRequest';
import { traceToJson } from '../core/trace/traceJson';

/**
 * `portolan trace FILE... --url URL [--from NAME] [--request N] [--client-ip IP] [--method M]
 * [--header NAME:VALUE]`: prints the
 * trace as the contract JSON. Exit codes: 0 when a trace was printed — whether the request
 * arrived (`ok: true`) or stopped (`ok: false`, with its failure): the command worked, and the
 * JSON says how the request fared; 2 for a usage error (no --url, a bad --request).
 */
export function runTrace(
  topology: Topology,
  options: ReadonlyMap<string, string>,
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  const url = options.get('url');
  if (!url) {
    err('portolan: trace needs --url URL (e.g. --url https://api.example.com/ or --from web --url http://db:5432)\n');
    return 2;
  }
  const requestText = options.get('request');
  const requestIndex = requestText === undefined ? 0 : Number(requestText);
  if (!Number.isInteger(requestIndex) || requestIndex < 0) {
    err('portolan: --request takes a whole number ≥ 0 (the request number, for round robin)\n');
    return 2;
  }
  const from = options.get('from');
  const clientIp = options.get('client-ip');
  const method = options.get('method');
  const header = options.get('header');
  const colon = header?.indexOf(':') ?? -1;
  if (header !== undefined && colon < 1) {
    err('portolan: --header takes NAME:VALUE\n');
    return 2;
  }
  const trace = traceRequest(topology, {
    url,
    requestIndex,
    ...(from ? { from } : {}),
    ...(clientIp ? { clientIp } : {}),
    ...(method ? { method } : {}),
    ...(header ? { headers: { [header.slice(0, colon).trim()]: header.slice(colon + 1).trim() } } : {}),
  });
  out(JSON.stringify(traceToJson(trace), null, 2) + '\n');
  return 0;
}
