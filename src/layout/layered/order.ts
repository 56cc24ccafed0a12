import type { LayerEdge } from './rank';

/**
 * The order of the children in each layer: model order first (so a small edit moves little),
 * then one sweep left to right and one right to left, each sorting a layer by the mean position
 * of its neighbours in the layer before. A child with no neighbour there keeps its place; ties
 * keep model order. Linear in the edges per sweep (plus the sorts).
 */
export function orderLayers(layer: readonly number[], edges: readonly LayerEdge[]): number[][] {
  const layers: number[][] = [];
  layer.forEach((l, k) => (layers[l] ??= []).push(k));
  for (let l = 0; l < layers.length; l++) layers[l] ??= [];
  const position = new Array<number>(layer.length).fill(0);
  const renumber = (list: readonly number[]) => list.forEach((k, i) => (position[k] = i));
  layers.forEach(renumber);
  const preds: number[][] = Array.from({ length: layer.length }, () => []);
  const succs: number[][] = Array.from({ length: layer.length }, () => []);
  for (const e of edges) {
    preds[e.to]!.push(e.from);
    succs[e.from]!.push(e.to);
  }
  const sweep = (l: number, neighbours: number[][]) => {
    const list = layers[l]!;
    const size = Math.max(1, list.length);
    const key = new Map<number, number>();
    for (const k of list) {
      const near = neighbours[k]!;
      if (near.length === 0) {
        key.set(k, position[k]! / size);
        continue;
      }
      let sum = 0;
      for (const n of near) sum += position[n]! / Math.max(1, layers[layer[n]!]!.length);
      key.set(k, sum / near.length);
    }
    list.sort((p, q) => key.get(p)! - key.get(q)! || p - q);
    renumber(list);
  };
  for (let l = 1; l < layers.length; l++) sweep(l, preds);
  for (let l = layers.length - 2; l >= 0; l--) sweep(l, succs);
  return layers;
}
