// A small Prometheus registry (text exposition format 0.0.4): counters and histograms with labels,
// and gauges read when scraped. Hand-written rather than prom-client: the platform needs four
// kinds of series and one output format, about a hundred lines (docs/DECISIONS.md, metrics).

type Labels = Record<string, string>;

const escapeLabel = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};
const num = (n: number) =>
  Number.isFinite(n) ? String(n) : Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());

interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(): Promise<string[]> | string[];
}

export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }
  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.value ?? 0;
  }
  render(): string[] {
    return [...this.values.values()].map(
      (e) => `${this.name}${labelText(e.labels)} ${num(e.value)}`,
    );
  }
}

export class Histogram {
  private readonly series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  render(): string[] {
    const out: string[] = [];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) =>
        out.push(`${this.name}_bucket${labelText({ ...s.labels, le: num(le) })} ${s.counts[i]}`),
      );
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${num(s.sum)}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** A gauge whose values are read when scraped (one value, or one per label set). */
export type GaugeRead = () =>
  | number
  | { labels: Labels; value: number }[]
  | Promise<number | { labels: Labels; value: number }[]>;

export class Registry {
  private readonly metrics: Metric[] = [];

  counter(name: string, help: string): Counter {
    const c = new Counter(name, help);
    this.metrics.push({ name, help, type: 'counter', render: () => c.render() });
    return c;
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    const h = new Histogram(name, help, buckets);
    this.metrics.push({ name, help, type: 'histogram', render: () => h.render() });
    return h;
  }

  gauge(name: string, help: string, read: GaugeRead): void {
    this.metrics.push({
      name,
      help,
      type: 'gauge',
      async render() {
        const v = await read();
        if (typeof v === 'number') return [`${name} ${num(v)}`];
        return v.map((e) => `${name}${labelText(e.labels)} ${num(e.value)}`);
      },
    });
  }

  /** The exposition text; a gauge that fails to read is left out (and named in a comment). */
  async render(): Promise<string> {
    const out: string[] = [];
    for (const m of this.metrics) {
      let lines: string[];
      try {
        lines = await m.render();
      } catch (e) {
        out.push(
          `# ${m.name} unavailable: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
        );
        continue;
      }
      out.push(`# HELP ${m.name} ${m.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
      out.push(`# TYPE ${m.name} ${m.type}`);
      out.push(...lines);
    }
    return out.join('\n') + '\n';
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
