import { readFileSync } from 'node:fs';

/**
 * The repository's Dockerfile read into its stages and instructions, for the tests that check it and
 * replay its runtime stage without a Docker engine (scripts/runtime-stage.int.test.ts). Only what the
 * Dockerfile uses: comments, `\` continuations, `ARG` defaults in `FROM`, `FROM … AS name`, a stage FROM another.
 */

export interface Instruction {
  /** Upper-case: FROM, COPY, RUN, ENV, … */
  readonly keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  readonly args: string;
  /** The 1-based line the instruction starts on, for messages. */
  readonly line: number;
}

export interface Stage {
  readonly name: string;
  /** The base image, with global ARG defaults substituted. */
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const first = lines[index]!;
    if (/^\s*(#|$)/.test(first)) continue;
    const start = index;
    let joined = first;
    while (joined.endsWith('\\') && index + 1 < lines.length) {
      index += 1;
      const next = lines[index]!;
      // A comment line inside a continued instruction is dropped, as Docker does.
      if (/^\s*#/.test(next)) continue;
      joined = `${joined.slice(0, -1).trimEnd()} ${next.trim()}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(joined);
    if (!match) throw new Error(`Dockerfile line ${start + 1}: cannot read "${first}"`);
    instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 });
  }
  const globalArgs = new Map<string, string>();
  const stages: Array<{ name: string; from: string; instructions: Instruction[] }> = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = instruction.args.split('=', 2);
      globalArgs.set(name!.trim(), value.trim());
    } else if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      const from = image!.replace(
        /\$\{(\w+)\}|\$(\w+)/g,
        (_match, braced?: string, bare?: string) => globalArgs.get((braced ?? bare)!) ?? '',
      );
      stages.push({ name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), from, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile line ${instruction.line}: ${instruction.keyword} before any FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

/**
 * A stage as Docker builds it: built FROM an earlier stage, that stage's instructions come first and its
 * base image is the stage's.
 */
export function resolvedStage(stages: readonly Stage[], name: string): Stage {
  const index = stages.findIndex((candidate) => candidate.name === name);
  if (index < 0) throw new Error(`the Dockerfile has no stage ${name}`);
  const stage = stages[index]!;
  if (!stages.slice(0, index).some((candidate) => candidate.name === stage.from)) return stage;
  const base = resolvedStage(stages.slice(0, index), stage.from);
  return { name, from: base.from, instructions: [...base.instructions, ...stage.instructions] };
}

export function readDockerfile(path: string): Stage[] {
  return parseDockerfile(readFileSync(path, 'utf8'));
}

/** An exec-form argument list (`["node", "-e", "…"]`) as JSON, or the shell form wrapped in `sh -c`. */
export function commandOf(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return ['/bin/sh', '-c', trimmed];
}

/** `ENV A=1 B="two words"`: the variables it sets (the `KEY=value` form only). */
export function envOf(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const raw = match[2]!;
    env[match[1]!] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  }
  return env;
}

/** `--interval=10s CMD [...]` of a HEALTHCHECK: its options and its command. */
export function healthcheckOf(args: string): { options: Record<string, string>; command: string[] } {
  const match = /^((?:--[\w-]+=\S+\s+)*)CMD\s+(.*)$/s.exec(args.trim());
  if (!match) throw new Error(`HEALTHCHECK without CMD: ${args}`);
  const options = Object.fromEntries([...match[1]!.matchAll(/--([\w-]+)=(\S+)/g)].map((option) => [option[1]!, option[2]!]));
  return { options, command: commandOf(match[2]!) };
}

/** A RUN's options (`--mount=…`) taken off: the shell command itself. */
export function runCommandOf(args: string): string {
  return args.replace(/^(\s*--[\w-]+=\S+)+\s*/, '').trim();
}
