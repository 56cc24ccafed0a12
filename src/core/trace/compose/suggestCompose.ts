import { suggestionList } from '../suggestionList';
import { containerConnections } from '../../compose/connections';
import { objectsOfRole, type Topology } from '../../model/topology';
import type { TraceSuggestion } from '../suggest';

/** The URL scheme a client would use for a well-known container port. */
const PORT_SCHEMES: Record<number, string> = {
  5432: 'postgres',
  3306: 'mysql',
  6379: 'redis',
  27017: 'mongodb',
  5672: 'amqp',
  443: 'https',
  8443: 'https',
};

/**
 * Requests worth tracing in a Compose project: each published TCP port from the host
 * (`http://localhost:8080/`, `postgres://localhost:5432`), each nginx location through its
 * published port, and each connection a service's environment or command names (from inside).
 */
export function suggestComposeTraceUrls(topology: Topology): TraceSuggestion[] {
  const { add, list: out } = suggestionList();
  const containers = objectsOfRole(topology, 'container');
  for (const c of containers) {
    for (const p of c.published) {
      if (p.published === undefined || p.protocol !== 'TCP') continue;
      const scheme = p.appProtocol === 'https' ? 'https' : (PORT_SCHEMES[p.target] ?? 'http');
      const host = p.hostIp?.includes(':') ? '[::1]' : p.localOnly ? p.hostIp! : 'localhost';
      const port =
        (scheme === 'http' && p.published === 80) || (scheme === 'https' && p.published === 443)
          ? ''
          : `:${p.published}`;
      const tail = scheme === 'http' || scheme === 'https' ? '/' : '';
      add({
        url: `${scheme}://${host}${port}${tail}`,
        label: `host port ${p.published} → ${c.service}:${p.target}`,
        entry: 'published',
      });
      for (const route of c.proxy?.routes ?? []) {
        if (route.listen !== p.target || route.location === '/') continue;
        add({
          url: `${scheme}://${host}${port}${route.location}`,
          label: `nginx ${route.location} → ${route.upstreamHost}:${route.upstreamPort}`,
          entry: 'published',
        });
      }
    }
  }
  for (const c of containers) {
    if (c.replica !== 1) continue;
    for (const ref of containerConnections(c)) {
      const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(ref.text) ? ref.text : `tcp://${ref.text}`;
      add({ url, from: c.service, label: `${c.service} → ${ref.host}:${ref.port} (${ref.via})`, entry: 'inside' });
    }
  }
  return out;
}
