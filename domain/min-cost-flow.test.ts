import { describe, expect, test } from 'vitest';
import { MinCostFlow } from './min-cost-flow';

/** A reference: successive shortest paths with Bellman-Ford, one unit at a time. */
function reference(
  n: number,
  edges: [number, number, number, number][],
  s: number,
  t: number,
): { flow: number; cost: number } {
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const from: number[] = [];
  for (const [u, v, c, w] of edges) {
    from.push(u, v);
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  }
  let flow = 0;
  let total = 0;
  for (;;) {
    const dist = new Array<number>(n).fill(Infinity);
    const via = new Array<number>(n).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < n; round++)
      for (let e = 0; e < to.length; e++)
        if (cap[e]! > 0 && dist[from[e]!]! + cost[e]! < dist[to[e]!]!) {
          dist[to[e]!] = dist[from[e]!]! + cost[e]!;
          via[to[e]!] = e;
        }
    if (dist[t] === Infinity) return { flow, cost: total };
    for (let v = t; v !== s; v = from[via[v]!]!) {
      cap[via[v]!]!--;
      cap[via[v]! ^ 1]!++;
    }
    flow++;
    total += dist[t]!;
  }
}

function random(seed: number) {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

describe('min-cost flow', () => {
  test('a small graph: the cheap path first, then the dear one', () => {
    const f = new MinCostFlow(4);
    const a = f.addEdge(0, 1, 1, 1);
    const b = f.addEdge(0, 2, 1, 5);
    f.addEdge(1, 3, 1, 1);
    f.addEdge(2, 3, 1, 1);
    expect(f.solve(0, 3)).toEqual({ flow: 2, cost: 8 });
    expect([f.flowOf(a), f.flowOf(b)]).toEqual([1, 1]);
  });

  test('a limit stops at that much flow, at the least cost for it', () => {
    const f = new MinCostFlow(4);
    f.addEdge(0, 1, 1, 1);
    f.addEdge(0, 2, 1, 5);
    f.addEdge(1, 3, 1, 1);
    f.addEdge(2, 3, 1, 1);
    expect(f.solve(0, 3, 1)).toEqual({ flow: 1, cost: 2 });
  });

  test('rerouting through a reverse edge when that is cheaper overall', () => {
    // 0→1→3 and 0→2→3, with a cheap 1→2: the first path may use it and must be undone
    const f = new MinCostFlow(4);
    f.addEdge(0, 1, 1, 0);
    f.addEdge(0, 2, 1, 4);
    f.addEdge(1, 2, 1, 0);
    f.addEdge(1, 3, 1, 3);
    f.addEdge(2, 3, 1, 0);
    expect(f.solve(0, 3)).toEqual(
      reference(
        4,
        [
          [0, 1, 1, 0],
          [0, 2, 1, 4],
          [1, 2, 1, 0],
          [1, 3, 1, 3],
          [2, 3, 1, 0],
        ],
        0,
        3,
      ),
    );
  });

  test('equals the reference on 300 random graphs', () => {
    const rnd = random(7);
    for (let k = 0; k < 300; k++) {
      const n = 3 + Math.floor(rnd() * 7);
      const edges: [number, number, number, number][] = [];
      const m = Math.floor(rnd() * 20);
      for (let i = 0; i < m; i++) {
        const u = Math.floor(rnd() * n);
        const v = Math.floor(rnd() * n);
        if (u === v) continue;
        edges.push([u, v, 1 + Math.floor(rnd() * 3), Math.floor(rnd() * 10)]);
      }
      const f = new MinCostFlow(n);
      for (const [u, v, c, w] of edges) f.addEdge(u, v, c, w);
      expect(f.solve(0, n - 1), JSON.stringify(edges)).toEqual(reference(n, edges, 0, n - 1));
    }
  });

  test('refuses negative costs and fractional capacities', () => {
    const f = new MinCostFlow(2);
    expect(() => f.addEdge(0, 1, 1, -1)).toThrow();
    expect(() => f.addEdge(0, 1, 0.5, 1)).toThrow();
  });
});
