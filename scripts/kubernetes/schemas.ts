import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { KubeObject } from './render';

const VALIDATOR = join(__dirname, 'validate-objects.mts');

/**
 * Each object's schema problems (empty when valid), in order: built-in kinds by kubernetes-models, the
 * CloudNativePG Cluster by its CRD (deploy/schemas). Runs validate-objects.mts in a Node process of its own
 * (kubernetes-models is ESM only; Node strips the file's types itself).
 */
export function schemaProblems(objects: readonly KubeObject[]): string[][] {
  let output: string;
  try {
    output = execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', VALIDATOR], {
      input: JSON.stringify(objects),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(
      `validate-objects.mts failed under Node ${process.version} (it needs Node 22.18 or later, which runs TypeScript itself): ${stderr || (error as Error).message}`,
    );
  }
  const problems = JSON.parse(output) as string[][];
  if (problems.length !== objects.length)
    throw new Error(`validate-objects.mts answered for ${problems.length} objects of ${objects.length}`);
  return problems;
}
