import { describe, expect, it } from 'vitest';
import { matchProxyRoute, readNginxRoutes } from './nginxConfig';

const conf = `
upstream api_backend {
  server api:8080 max_fails=3;
}
server {
  listen 80;            # comment
  server_name example.com www.example.com;
  location / {
    proxy_pass http://client:3000;
  }
  location /api/ {
    proxy_pass http://api_backend/;
  }
  location = /health { proxy_pass http://monitor; }
  location ~ \\.php$ { proxy_pass http://php:9000; }
  location /dyn { proxy_pass http://$target; }
}
`;

describe('readNginxRoutes', () => {
  const routes = readNginxRoutes({ name: 'default.conf', text: conf });
  it('reads server, listen, server_name, location and proxy_pass, resolving upstreams', () => {
    expect(routes.map((r) => [r.listen, r.location, r.exact, r.upstreamHost, r.upstreamPort])).toEqual([
      [80, '/', false, 'client', 3000],
      [80, '/api/', false, 'api', 8080],
      [80, '/health', true, 'monitor', 80],
    ]);
    expect(routes[0]!.serverNames).toEqual(['example.com', 'www.example.com']);
    expect(routes[0]!.span).toMatchObject({ file: 'default.conf', start: { line: 9, column: 5 } });
  });
  it.each([
    ['/', '/'],
    ['/api/users', '/api/'],
    ['/health', '/health'],
    ['/healthz', '/'],
  ])('%s → location %s', (path, location) => {
    expect(matchProxyRoute(routes, 80, 'example.com', path)?.location).toBe(location);
  });
  it('nginx.conf with http { server { listen [::]:8080 } }', () => {
    const r = readNginxRoutes({
      name: 'nginx.conf',
      text: 'events {}\nhttp {\n server {\n  listen [::]:8080;\n  location / { proxy_pass http://web; }\n }\n}\n',
    });
    expect(r).toMatchObject([{ listen: 8080, upstreamHost: 'web', upstreamPort: 80 }]);
  });
});
