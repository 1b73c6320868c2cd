// Min-cost max-flow on integer capacities and non-negative integer costs: the primal-dual method
// (Dijkstra with potentials, then a blocking flow à la Dinic on the zero-reduced-cost edges). Exact, and deterministic: edges are tried in the order they were added
// and ties in Dijkstra go to the lower node number. Pure: no I/O.

export class MinCostFlow {
  readonly n: number;
  private readonly head: Int32Array;
  private to: number[] = [];
  private next: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];

  constructor(nodes: number) {
    this.n = nodes;
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** An edge u → v; returns its index (its flow: `flowOf(index)`). */
  addEdge(u: number, v: number, capacity: number, cost: number): number {
    if (cost < 0 || !Number.isInteger(cost)) throw new Error('costs are non-negative integers');
    if (capacity < 0 || !Number.isInteger(capacity))
      throw new Error('capacities are non-negative integers');
    const e = this.to.length;
    // adjacency lists are walked from the head: append at the tail to keep the order of adding
    this.push(u, v, capacity, cost);
    this.push(v, u, 0, -cost);
    return e;
  }

  private tail: number[] = [];
  private push(u: number, v: number, capacity: number, cost: number) {
    const e = this.to.length;
    this.to.push(v);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(-1);
    if (this.head[u] === -1) this.head[u] = e;
    else this.next[this.tail[u]!] = e;
    this.tail[u] = e;
  }

  /** The flow on an edge added by addEdge. */
  flowOf(edge: number): number {
    return this.cap[edge ^ 1]!;
  }

  /** Sends as much flow as possible from s to t (at most `limit`) at the least total cost. */
  solve(s: number, t: number, limit = Number.MAX_SAFE_INTEGER): { flow: number; cost: number } {
    const n = this.n;
    const { to, next, cap, cost, head } = this;
    const h = new Float64Array(n); // potentials: every residual edge has cost + h[u] - h[v] >= 0
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    let flow = 0;
    let total = 0;
    const heap = new MinHeap();

    while (flow < limit) {
      // Dijkstra on reduced costs
      dist.fill(Infinity);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      while (heap.size) {
        const d = heap.topKey();
        const u = heap.pop();
        if (d > dist[u]!) continue;
        if (u === t) break; // nodes farther than t keep t's distance below
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          const nd = d + cost[e]! + h[u]! - h[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      if (dist[t] === Infinity) break;
      // h += min(dist, dist[t]) keeps every residual edge's reduced cost non-negative, and makes
      // the cheapest paths to t exactly the zero-reduced-cost ones
      const dt = dist[t]!;
      for (let v = 0; v < n; v++) h[v] = h[v]! + Math.min(dist[v]!, dt);

      // a blocking flow on the zero-reduced-cost edges (Dinic: BFS levels, current arcs) until
      // no such path is left
      const pathCost = h[t]! - h[s]!;
      while (flow < limit && this.levels(s, t, h, level)) {
        iter.set(head);
        for (;;) {
          const pushed = this.augment(s, t, limit - flow, h, level, iter);
          if (pushed === 0) break;
          flow += pushed;
          total += pushed * pathCost;
          if (flow >= limit) break;
        }
      }
    }
    return { flow, cost: total };
  }

  /** BFS levels over the admissible edges (residual, zero reduced cost); whether t is reached. */
  private levels(s: number, t: number, h: Float64Array, level: Int32Array): boolean {
    const { to, next, cap, cost, head } = this;
    level.fill(-1);
    level[s] = 0;
    const queue = [s];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === -1 && cost[e]! + h[u]! - h[v]! === 0) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return level[t] !== -1;
  }

  /**
   * One augmenting path along the levels (iterative DFS); the flow pushed along it. Current-arc
   * pointers skip edges already found useless in this level graph.
   */
  private augment(
    s: number,
    t: number,
    limit: number,
    h: Float64Array,
    level: Int32Array,
    iter: Int32Array,
  ): number {
    const { to, next, cap, cost } = this;
    const path: number[] = [];
    let u = s;
    for (;;) {
      if (u === t) {
        let pushed = limit;
        for (const e of path) pushed = Math.min(pushed, cap[e]!);
        for (const e of path) {
          cap[e] = cap[e]! - pushed;
          cap[e ^ 1] = cap[e ^ 1]! + pushed;
        }
        return pushed;
      }
      let e = iter[u]!;
      while (e !== -1) {
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === level[u]! + 1 && cost[e]! + h[u]! - h[v]! === 0) break;
        e = next[e]!;
      }
      iter[u] = e;
      if (e !== -1) {
        path.push(e);
        u = to[e]!;
        continue;
      }
      // a dead end: retreat, and the edge into it is useless in this level graph
      if (u === s) return 0;
      level[u] = -1;
      const back = path.pop()!;
      u = to[back ^ 1]!;
      iter[u] = next[iter[u]!]!;
    }
  }
}

/** A binary heap of (key, node), the lower key first and, on equal keys, the lower node. */
class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size() {
    return this.keys.length;
  }
  clear() {
    this.keys.length = 0;
    this.vals.length = 0;
  }
  topKey() {
    return this.keys[0]!;
  }
  private less(i: number, j: number) {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a < b || (a === b && this.vals[i]! < this.vals[j]!);
  }
  private swap(i: number, j: number) {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const v = this.vals[i]!;
    this.vals[i] = this.vals[j]!;
    this.vals[j] = v;
  }
  push(key: number, val: number) {
    this.keys.push(key);
    this.vals.push(val);
    let i = this.keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.vals[0]!;
    const lastKey = this.keys.pop()!;
    const lastVal = this.vals.pop()!;
    if (this.keys.length) {
      this.keys[0] = lastKey;
      this.vals[0] = lastVal;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
