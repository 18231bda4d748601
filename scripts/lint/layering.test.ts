import path from 'node:path';
import { ESLint } from 'eslint';

// The layering rules as the repository's own ESLint configuration applies them, on snippets linted as if they
// were files at the given paths (nothing is read from or written to those paths).
const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.mjs') });

/** The layering rules that fire on `code` at `file`, one entry per problem. */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}`);
  return result!.messages.flatMap((m) => (m.ruleId?.startsWith('layering/') ? [m.ruleId] : []));
}

describe('layering rules', () => {
  jest.setTimeout(120_000);

  describe('shared/ imports no subgraph and not the gateway', () => {
    const rule = 'layering/shared-imports-no-service';

    it('fires on a subgraph or the gateway, by relative path or by package name', async () => {
      expect(
        await layering('shared/src/channels/x.ts', "import { unionSubgraph } from '../../../subgraphs/union/src/definition';"),
      ).toEqual([rule]);
      expect(await layering('shared/src/channels/x.ts', "export { hrBureauSubgraph } from '@labour/hr-bureau/src/definition';")).toEqual([
        rule,
      ]);
      expect(await layering('shared/src/x.ts', "import type { GatewayContext } from '../../gateway/src/gateway-context';")).toEqual([rule]);
      expect(await layering('shared/src/x.ts', "const gateway = await import('@labour/gateway');")).toEqual([rule]);
    });

    it('stays quiet on shared itself and on outside packages, and in shared tests', async () => {
      expect(
        await layering('shared/src/channels/x.ts', "import { ConflictError } from '../errors';\nimport { gql } from 'graphql-tag';"),
      ).toEqual([]);
      expect(
        await layering('shared/src/channels/x.test.ts', "import { unionSubgraph } from '../../../subgraphs/union/src/definition';"),
      ).toEqual([]);
    });
  });

  describe('a subgraph imports no other subgraph', () => {
    const rule = 'layering/no-other-subgraph';

    it('fires on another subgraph, by relative path or by package name', async () => {
      expect(
        await layering('subgraphs/court/src/risk/x.ts', "import { unionSignalStatement } from '../../../union/src/risk/risk.service';"),
      ).toEqual([rule]);
      expect(await layering('subgraphs/court/src/risk/x.ts', "import { justiceSubgraph } from '@labour/justice/src/definition';")).toEqual([
        rule,
      ]);
      expect(await layering('subgraphs/court/src/x.ts', "const { HrLoaders } = require('../../hr-bureau/src/loaders');")).toEqual([rule]);
    });

    it('stays quiet on its own sources and shared, and in its tests', async () => {
      expect(
        await layering(
          'subgraphs/court/src/risk/x.ts',
          "import { A } from '../enforcement/enforcement-case.entity';\nimport { B } from '@labour/shared';",
        ),
      ).toEqual([]);
      expect(await layering('subgraphs/court/src/x.ts', "import { courtSubgraph } from '@labour/court/src/definition';")).toEqual([]);
      expect(await layering('subgraphs/court/src/x.int.test.ts', "import { unionSubgraph } from '../../union/src/definition';")).toEqual(
        [],
      );
    });
  });

  describe('the gateway imports no subgraph', () => {
    const rule = 'layering/gateway-imports-no-subgraph';

    it('fires on a subgraph, by relative path or by package name', async () => {
      expect(await layering('gateway/src/x.ts', "import { hrBureauSubgraph } from '../../subgraphs/hr-bureau/src/definition';")).toEqual([
        rule,
      ]);
      expect(await layering('gateway/src/x.ts', "import type { UnionLoaders } from '@labour/union/src/loaders';")).toEqual([rule]);
    });

    it('stays quiet on its own sources and shared, and in its tests', async () => {
      expect(
        await layering('gateway/src/x.ts', "import { loadGatewayConfig } from './config';\nimport { listen } from '@labour/shared';"),
      ).toEqual([]);
      expect(
        await layering('gateway/src/x.int.test.ts', "import { hrBureauSubgraph } from '../../subgraphs/hr-bureau/src/definition';"),
      ).toEqual([]);
    });
  });

  it('lets scripts and the benchmarks import subgraph and gateway sources', async () => {
    expect(await layering('scripts/schemas/x.ts', "import { courtSubgraph } from '../../subgraphs/court/src/definition';")).toEqual([]);
    expect(
      await layering(
        'bench/x.ts',
        "import { createGatewayServer } from '../gateway/src/create-gateway';\nimport { X } from '../subgraphs/union/src/x';",
      ),
    ).toEqual([]);
  });

  describe('outside test/, test support is imported as @labour/testing', () => {
    const rule = 'layering/testing-by-package-name';

    it('fires on a relative path into test/support', async () => {
      expect(
        await layering('shared/src/db/x.int.test.ts', "import { createTestDatabase } from '../../../test/support/databases';"),
      ).toEqual([rule]);
      expect(await layering('scripts/x.ts', "import { testToken } from '../test/support/tokens';")).toEqual([rule]);
      expect(await layering('bench/support/x.ts', "export * from '../../test/support';")).toEqual([rule]);
    });

    it('stays quiet on @labour/testing, and on relative paths inside test/', async () => {
      expect(await layering('shared/src/db/x.int.test.ts', "import { createTestDatabase } from '@labour/testing/databases';")).toEqual([]);
      expect(await layering('test/e2e/x.e2e.test.ts', "import { startStack } from '../support/stack';")).toEqual([]);
    });
  });

  describe('runtime code imports @labour/demo-world only from demo code', () => {
    const rule = 'layering/demo-world-only-in-demo-code';
    const demoWorld = "import { STORY_ENTERPRISES } from '@labour/demo-world';";

    it('fires in runtime code outside a demo folder or demo-*.ts file', async () => {
      expect(await layering('subgraphs/union/src/meeting/meeting.service.ts', demoWorld)).toEqual([rule]);
      expect(
        await layering('subgraphs/union/src/x.ts', "const { generateWorld } = await import('@labour/demo-world/src/generate-world');"),
      ).toEqual([rule]);
      expect(await layering('shared/src/channels/x.ts', demoWorld)).toEqual([rule]);
      expect(await layering('gateway/src/x.ts', demoWorld)).toEqual([rule]);
    });

    it("stays quiet in a subgraph's demo code, demo-*.ts files, scripts, benchmarks and tests", async () => {
      expect(
        await layering('subgraphs/court/src/demo/load-demo-data.ts', "const { generateWorld } = await import('@labour/demo-world');"),
      ).toEqual([]);
      expect(await layering('subgraphs/union/src/meeting/demo-meetings.ts', demoWorld)).toEqual([]);
      expect(await layering('scripts/reset-demo.ts', demoWorld)).toEqual([]);
      expect(await layering('bench/peers.ts', demoWorld)).toEqual([]);
      expect(await layering('subgraphs/union/src/meeting/meeting.int.test.ts', demoWorld)).toEqual([]);
      expect(await layering('test/e2e/notices.e2e.test.ts', demoWorld)).toEqual([]);
    });
  });
});
