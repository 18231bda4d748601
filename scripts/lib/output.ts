import type { Readable } from 'node:stream';
import { formatPrefix, LineSplitter, prefixStyleFor, wantsColour, type PrefixStyle } from './line-prefix';

/** The launcher's terminal: every line of every process, prefixed with who wrote it. */
export class PrefixedOutput {
  private readonly style: PrefixStyle;

  constructor(
    names: readonly string[],
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
    colour: boolean = wantsColour(stdout),
  ) {
    this.style = prefixStyleFor(['launcher', ...names], colour);
  }

  line(name: string, text: string, to: 'stdout' | 'stderr' = 'stdout'): void {
    const prefix = formatPrefix(name, this.style);
    const stream = to === 'stdout' ? this.stdout : this.stderr;
    for (const part of text.split('\n')) stream.write(`${prefix}${part}\n`);
  }

  /** Copies `source` line by line, prefixed (UTF-8 safe: a character cut between two reads is kept whole). */
  pipe(name: string, source: Readable | null, to: 'stdout' | 'stderr'): void {
    if (!source) return;
    const splitter = new LineSplitter((text) => this.line(name, text, to));
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => splitter.push(chunk));
    source.on('end', () => splitter.end());
  }
}

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** `[launcher] ...` lines: information on stdout, problems on stderr. */
export function launcherLog(output: PrefixedOutput): Log {
  return {
    info: (message) => output.line('launcher', message),
    warn: (message) => output.line('launcher', `warning: ${message}`, 'stderr'),
    error: (message) => output.line('launcher', `error: ${message}`, 'stderr'),
  };
}
