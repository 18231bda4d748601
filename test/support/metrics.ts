/** One scrape of a metrics endpoint, parsed: every sample by name and labels. */
export interface Scrape {
  /** The sample `name{labels}` (labels given need to match exactly those of the sample, `service` aside); 0 when there is none. */
  value(name: string, labels?: Record<string, string>): number;
  /** Whether a sample of that name (any labels) is there. */
  has(name: string): boolean;
  text: string;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Prometheus' text format (version 0.0.4), enough of it for tests: comments skipped, one sample a line. */
export function parseMetrics(text: string): Scrape {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL))
      labels[key!] = value!.replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
    const raw = match[3]!;
    samples.push({ name: match[1]!, labels, value: raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw) });
  }
  const same = (sample: Sample, labels: Record<string, string>) => {
    const { service: _service, ...own } = sample.labels;
    const keys = Object.keys(own);
    return keys.length === Object.keys(labels).length && keys.every((key) => own[key] === labels[key]);
  };
  return {
    text,
    value: (name, labels = {}) => samples.find((sample) => sample.name === name && same(sample, labels))?.value ?? 0,
    has: (name) => samples.some((sample) => sample.name === name),
  };
}

/** Scrapes `url` with the bearer token; fails unless the answer is 200. */
export async function scrape(url: string, token?: string): Promise<Scrape> {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const text = await response.text();
  if (response.status !== 200) throw new Error(`scrape of ${url}: HTTP ${response.status}: ${text}`);
  return parseMetrics(text);
}
