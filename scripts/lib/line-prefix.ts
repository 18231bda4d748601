/**
 * Prefixes for the launcher's merged output: `[hr-bureau] ...`, `[gateway]   ...`. Every prefix is
 * padded to the same width so the lines of the five services read as one aligned column.
 */

const COLOURS = [36, 35, 33, 32, 34, 91, 96, 95] as const; // cyan, magenta, yellow, green, blue, ...
const DIM = 90;

export interface PrefixStyle {
  /** Width of the widest `[name]`, so that every prefix is padded to it. */
  readonly width: number;
  /** ANSI colours only when the output is a terminal (and NO_COLOR is not set). */
  readonly colour: boolean;
}

export function prefixStyleFor(names: readonly string[], colour: boolean): PrefixStyle {
  const width = Math.max(0, ...names.map((name) => name.length + 2));
  return { width, colour };
}

/** A stable colour per name, so a service keeps its colour from one run to the next. */
function colourCodeFor(name: string): number {
  if (name === 'launcher' || name === 'postgres') return DIM;
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}

export function formatPrefix(name: string, style: PrefixStyle): string {
  const label = `[${name}]`;
  const padding = ' '.repeat(Math.max(0, style.width - label.length));
  const shown = style.colour ? `\u001b[${colourCodeFor(name)}m${label}\u001b[0m` : label;
  return `${shown}${padding} `;
}

/** Whether to colour output written to `stream`: a TTY, unless NO_COLOR asks otherwise. */
export function wantsColour(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean((stream as NodeJS.WriteStream).isTTY);
}

/**
 * Splits a stream of text chunks into whole lines. Chunks arrive cut anywhere (a pino line can be split
 * across two reads), so the unfinished tail is kept until the next chunk or the end of the stream.
 */
export class LineSplitter {
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const text = this.pending + chunk;
    const lines = text.split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }

  /** Emits what is left when the stream ends without a final newline. */
  end(): void {
    if (this.pending !== '') this.onLine(this.pending);
    this.pending = '';
  }
}
