import { describe, expect, it, vi } from 'vitest';
import { analyze, type AnalyzeOptions } from '../core/analyze';
import type { KubeSchemaData } from '../core/kubernetes/schema/schemaTypes';
import { analyzeWithSchemas } from './analyzeWithSchemas';

const KUBE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n';
const COMPOSE = 'services:\n  web:\n    image: nginx\n';
const FAKE = { fake: true } as unknown as KubeSchemaData;

describe('analyzeWithSchemas', () => {
  it.each([
    { name: 'the chosen version', text: KUBE, kubeVersion: '1.32', loads: '1.32' },
    { name: 'no version: the default', text: KUBE, kubeVersion: undefined, loads: '1.36' },
    { name: 'a version not offered: the default', text: KUBE, kubeVersion: '1.12', loads: '1.36' },
    { name: 'a Compose file: no schemas fetched', text: COMPOSE, kubeVersion: '1.32', loads: undefined },
  ])('$name', async ({ text, kubeVersion, loads }) => {
    const load = vi.fn(async () => FAKE);
    const seen: AnalyzeOptions[] = [];
    const files = [{ name: 'a.yaml', text }];
    await analyzeWithSchemas(
      (f, options) => {
        seen.push(options);
        return analyze(f, {});
      },
      files,
      { nodes: 2, ...(kubeVersion ? { kubeVersion } : {}) },
      load,
    );
    if (loads === undefined) {
      expect(load).not.toHaveBeenCalled();
      expect(seen[0]!.kubeSchemas).toBeUndefined();
    } else {
      expect(load).toHaveBeenCalledWith(loads);
      expect(seen[0]).toMatchObject({ nodes: 2, kubeVersion: loads, kubeSchemas: FAKE });
    }
  });

  it('checks against the real schemas of the version (an API removed in 1.32)', async () => {
    const files = [
      {
        name: 'flow.yaml',
        text: 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: x}\nspec:\n  priorityLevelConfiguration: {name: global-default}\n  bogus: 1\n',
      },
    ];
    const codes = async (kubeVersion: string) =>
      (await analyzeWithSchemas(analyze, files, { kubeVersion })).diagnostics.map((d) => d.code);
    expect(await codes('1.30')).toEqual(['K8S-SCHEMA-UNKNOWN-FIELD']);
    expect(await codes('1.36')).toEqual(['K8S-API-REMOVED']);
  });
});
