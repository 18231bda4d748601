import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const DEPLOY_DIR = join(__dirname, '..', '..', 'deploy');

/** One rendered Kubernetes object. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** Every overlay under deploy/overlays, by folder name. */
export function overlayNames(): string[] {
  const dir = join(DEPLOY_DIR, 'overlays');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/**
 * The objects `kubectl kustomize` renders from a folder under deploy/. KUBECTL names the kubectl to use
 * (default: `kubectl` on the PATH). Any kubectl from 1.20 on renders these kustomizations (they are written for
 * its kustomize v2.0.3 as well as for kustomize 5); without one this fails and says how to get it.
 */
export function renderKustomization(relativeDir: string, kubectl = process.env['KUBECTL'] || 'kubectl'): KubeObject[] {
  const dir = join(DEPLOY_DIR, relativeDir);
  let output: string;
  try {
    output = execFileSync(kubectl, ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(
        `${kubectl} not found: the Kubernetes manifests under deploy/ are rendered with \`kubectl kustomize\` (kubectl 1.20 or later). ` +
          'Install it (Debian 12: apt-get install kubernetes-client; .ci/run does) or set KUBECTL to its path.',
      );
    }
    throw new Error(`${kubectl} kustomize ${dir} failed: ${(failure.stderr ?? failure.message).trim()}`);
  }
  return parseAllDocuments(output)
    .map((document) => {
      if (document.errors.length)
        throw new Error(`${kubectl} kustomize ${dir} printed YAML that does not parse: ${document.errors[0]!.message}`);
      return document.toJS() as KubeObject | null;
    })
    .filter((object): object is KubeObject => object !== null);
}
