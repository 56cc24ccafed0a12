import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { registriesOf, registryOf } from './registries';

describe('registryOf', () => {
  it.each([
    ['nginx', 'docker.io'],
    ['nginx:1.27', 'docker.io'],
    ['ghkdqhrbals/simplebank:latest', 'docker.io'],
    ['gcr.io/google-samples/microservices-demo/frontend:v0.10.1', 'gcr.io'],
    ['docker.io/istio/examples-bookinfo-details-v1:1.20.3', 'docker.io'],
    ['registry.k8s.io/ingress-nginx/controller:v1.12.0@sha256:abc', 'registry.k8s.io'],
    ['localhost:5000/app', 'localhost:5000'],
    ['localhost/app', 'localhost'],
  ])('%s → %s', (image, host) => {
    expect(registryOf(image)).toBe(host);
  });
});

describe('registriesOf', () => {
  it('lists each registry once, with its images and the nodes that pull them', () => {
    const yaml = (name: string, image: string, replicas: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: ${name}, image: "${image}"}]\n---\n`;
    const { topology } = analyze([
      { name: 'a.yaml', text: yaml('web', 'nginx:1.27', 2) + yaml('api', 'gcr.io/x/api:1', 1) },
    ]);
    expect(registriesOf(topology)).toEqual([
      { host: 'docker.io', images: ['nginx:1.27'], nodes: ['node/node-1', 'node/node-2'] },
      { host: 'gcr.io', images: ['gcr.io/x/api:1'], nodes: [expect.stringMatching(/^node\/node-\d$/)] },
    ]);
  });
});
