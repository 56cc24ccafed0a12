import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { clusterServiceOfHost, findHostMentions } from './inferConnections';

describe('findHostMentions', () => {
  it.each([
    ['postgres:5432', undefined, ['postgres:5432']],
    ['http://cartservice:7070', undefined, ['cartservice:7070']],
    ['productcatalogservice:3550', undefined, ['productcatalogservice:3550']],
    ['postgresql://root:secret@postgres:5432/db?sslmode=disable', undefined, ['postgres:5432']],
    ['redis-cart:6379', undefined, ['redis-cart:6379']],
    ['--addr=redis.cache.svc.cluster.local:6379', undefined, ['redis.cache.svc.cluster.local:6379']],
    ['http://api.shop/v1', undefined, ['api.shop:']],
    ['postgres', 'DB_HOST', ['postgres:']],
    ['postgres', 'MODE', []],
    ['true', 'CACHE_SERVICE', []],
    ['8080', 'PORT', []],
    ['nginx:1.27', undefined, []],
    ['envoy:1.29.1', undefined, []],
    [':8443', undefined, []],
    ['http://${FRONTEND_ADDR}', undefined, []],
    ['12:30', undefined, []],
  ])('%j (%s)', (text, variable, expected) => {
    expect(findHostMentions(text, variable).map((m) => `${m.host}:${m.port ?? ''}`)).toEqual(expected);
  });
});

describe('clusterServiceOfHost', () => {
  const namespaces = new Set(['default', 'shop']);
  it.each([
    ['postgres', { service: 'postgres', namespace: 'app' }],
    ['cart.shop', { service: 'cart', namespace: 'shop' }],
    ['cart.shop.svc', { service: 'cart', namespace: 'shop' }],
    ['cart.shop.svc.cluster.local', { service: 'cart', namespace: 'shop' }],
    ['db-0.db.data.svc.cluster.local', { service: 'db', namespace: 'data' }],
    ['api.example.com', undefined],
    ['example.com', undefined],
    ['localhost', undefined],
    ['10.0.0.1', undefined],
  ])('%s', (host, expected) => {
    expect(clusterServiceOfHost(host, 'app', namespaces)).toEqual(expected);
  });
});

describe('inferred talks-to edges', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
        - name: app
          image: frontend:1.0
          args: ["--cache=redis-cart:6379"]
          env:
            - {name: CART_SERVICE_ADDR, value: "cartservice:7070"}
            - {name: CART_URL, value: "http://cartservice:7070/api"}
            - {name: SELF_ADDR, value: "frontend:80"}
            - {name: DB_HOST, value: postgres}
---
apiVersion: v1
kind: Service
metadata: {name: cartservice}
spec: {selector: {app: cart}, ports: [{port: 7070}]}
---
apiVersion: v1
kind: Service
metadata: {name: redis-cart}
spec: {selector: {app: redis}, ports: [{port: 6379}]}
---
apiVersion: v1
kind: Service
metadata: {name: frontend}
spec: {selector: {app: frontend}, ports: [{port: 80}]}
`;
  const analysis = analyze([{ name: 'a.yaml', text }]);

  it('draws one edge per Service, labelled with the variable names', () => {
    const edges = analysis.topology.edges.filter((e) => e.kind === 'talks-to');
    expect(edges).toEqual([
      {
        from: 'Deployment/default/frontend',
        to: 'Service/default/cartservice',
        kind: 'talks-to',
        label: 'CART_SERVICE_ADDR, CART_URL',
      },
      { from: 'Deployment/default/frontend', to: 'Service/default/redis-cart', kind: 'talks-to', label: 'args' },
    ]);
  });

  it('warns once about a host no Service answers, at the env var', () => {
    const warnings = analysis.diagnostics.filter((d) => d.code === 'K8S-INFERRED-HOST-MISSING');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /^DB_HOST points at host "postgres", and no Service named postgres is in these files/,
    );
    expect(text.split('\n')[warnings[0]!.line - 1]).toContain('DB_HOST');
  });
});
