/**
 * The README's example queries, read from README.md when the console is built (`?raw`), so the
 * explorer offers exactly what the README shows: each ```graphql block of "## Example queries", titled
 * by the sentence before it, with the role it was written for when its first line says `# as DEPT ROLE`.
 */
export interface Example {
  /** The operation's name (`query EnterpriseFile` → EnterpriseFile), or `Example n` when it has none. */
  readonly name: string;
  /** The sentence before the block, without Markdown backticks and its closing colon. */
  readonly title: string;
  /** The block as it is in the README, its `# as …` line included. */
  readonly query: string;
  /** The department and role the README runs it as (`# as HR_BUREAU ANALYST`); UNION COORDINATOR otherwise. */
  readonly runAs: { readonly department: string; readonly role: string };
}

const SECTION = '## Example queries';
const DEFAULT_RUN_AS = { department: 'UNION', role: 'COORDINATOR' } as const;

/** The first sentence of a paragraph: up to the first colon or full stop outside parentheses. */
function firstSentence(paragraph: string): string {
  let depth = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ':' || c === '：' || (c === '.' && (i + 1 === paragraph.length || paragraph[i + 1] === ' ')))) {
      return paragraph.slice(0, i).trim();
    }
  }
  return paragraph.trim();
}

/** The examples of README.md's "## Example queries" section, in order. */
export function examplesOf(readme: string): Example[] {
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) return [];
  const rest = readme.slice(start + SECTION.length + 2);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const examples: Example[] = [];
  const block = /```graphql\n([\s\S]*?)\n```/g;
  let last = 0;
  for (let match = block.exec(section); match; match = block.exec(section)) {
    const before = section.slice(last, match.index).trim();
    last = match.index + match[0].length;
    const paragraphs = before.split(/\n\s*\n/);
    const paragraph = (paragraphs[paragraphs.length - 1] ?? '').replace(/\s*\n\s*/g, ' ').trim();
    const query = match[1]!;
    const runAs = /^#\s*as\s+([A-Z_]+)\s+([A-Z_]+)/.exec(query);
    const name = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(query)?.[1] ?? `Example ${examples.length + 1}`;
    examples.push({
      name,
      title: firstSentence(paragraph.replace(/`/g, '')) || name,
      query,
      runAs: runAs ? { department: runAs[1]!, role: runAs[2]! } : DEFAULT_RUN_AS,
    });
  }
  return examples;
}
