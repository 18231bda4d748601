import { join } from 'node:path';
import pino from 'pino';
import * as telemetry from '@apollo/gateway/dist/utilities/opentelemetry';
import { TEST_AUTH } from '@labour/testing/tokens';
import { createGatewayServer } from './create-gateway';

describe('createGatewayServer', () => {
  it("never sets up Apollo's usage reporting to an outside service, whatever the environment says", async () => {
    delete process.env['APOLLO_TELEMETRY_DISABLED'];
    const exporter = jest.spyOn(telemetry, 'createDataCollectionExporter');
    const gateway = await createGatewayServer(
      { supergraphPath: join(__dirname, '..', 'supergraph.graphql'), subgraphUrls: {}, auth: TEST_AUTH },
      pino({ level: 'silent' }),
    );
    try {
      expect(exporter).not.toHaveBeenCalled();
      expect([...gateway.subgraphs.keys()].sort()).toEqual(['court', 'hr-bureau', 'justice', 'union']);
    } finally {
      await gateway.stop();
      exporter.mockRestore();
    }
  });
});
