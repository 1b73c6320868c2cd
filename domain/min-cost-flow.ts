// Min-cost max-flow on integer capacities and non-negative integer costs: the primal-dual method
// (Dijkstra with potentials, then as many augmenting paths as the zero-reduced-cost edges allow,
// as in zkw's variant). Exact, and deterministic: edges are tried in the order they were added
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
    const seen = new Int32Array(n);
    let stamp = 0;
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
      let far = 0;
      for (let v = 0; v < n; v++) if (dist[v]! < Infinity && dist[v]! > far) far = dist[v]!;
      for (let v = 0; v < n; v++) h[v] = h[v]! + (dist[v]! < Infinity ? dist[v]! : far);

      // augment along zero-reduced-cost paths until none is left
      const pathCost = h[t]! - h[s]!;
      for (;;) {
        stamp++;
        const pushed = this.augment(s, t, limit - flow, h, seen, stamp);
        if (pushed === 0) break;
        flow += pushed;
        total += pushed * pathCost;
        if (flow >= limit) break;
      }
    }
    return { flow, cost: total };
  }

  /** One augmenting path of admissible edges (iterative DFS); the flow pushed along it. */
  private augment(
    s: number,
    t: number,
    limit: number,
    h: Float64Array,
    seen: Int32Array,
    stamp: number,
  ): number {
    const { to, next, cap, cost, head } = this;
    const stackNode: number[] = [s];
    const stackEdge: number[] = [head[s]!];
    const via: number[] = [];
    seen[s] = stamp;
    while (stackNode.length) {
      const depth = stackNode.length - 1;
      const u = stackNode[depth]!;
      if (u === t) {
        let pushed = limit;
        for (const e of via) pushed = Math.min(pushed, cap[e]!);
        for (const e of via) {
          cap[e] = cap[e]! - pushed;
          cap[e ^ 1] = cap[e ^ 1]! + pushed;
        }
        return pushed;
      }
      let e = stackEdge[depth]!;
      while (e !== -1) {
        const v = to[e]!;
        if (cap[e]! > 0 && seen[v] !== stamp && cost[e]! + h[u]! - h[v]! === 0) break;
        e = next[e]!;
      }
      if (e === -1) {
        stackNode.pop();
        stackEdge.pop();
        via.pop();
        continue;
      }
      stackEdge[depth] = next[e]!;
      const v = to[e]!;
      seen[v] = stamp;
      stackNode.push(v);
      stackEdge.push(head[v]!);
      via.push(e);
    }
    return 0;
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
