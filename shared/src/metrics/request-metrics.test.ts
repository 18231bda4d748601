import { GraphQLError } from 'graphql';
import { Registry } from 'prom-client';
import { outcomeOf, RequestMetrics } from './request-metrics';

const error = (code?: unknown) => new GraphQLError('x', code === undefined ? {} : { extensions: { code } });

describe('request metrics', () => {
  it("takes the outcome from the first error's code, a code outside the catalogue as the client sees it", () => {
    expect(outcomeOf(undefined)).toBe('ok');
    expect(outcomeOf([])).toBe('ok');
    expect(outcomeOf([error('FORBIDDEN'), error('DEPARTMENT_TIMEOUT')])).toBe('FORBIDDEN');
    expect(outcomeOf([error()])).toBe('INTERNAL_SERVER_ERROR');
    expect(outcomeOf([error('SOMETHING_MADE_UP')])).toBe('INTERNAL_SERVER_ERROR');
    expect(outcomeOf([error(42)])).toBe('INTERNAL_SERVER_ERROR');
  });

  it('counts requests and their time by operation and outcome', async () => {
    const registry = new Registry();
    const metrics = new RequestMetrics(registry, 1);
    metrics.observe('Dossier', undefined, 12);
    metrics.observe('Dossier', undefined, 3);
    metrics.observe('Dossier', [error('FORBIDDEN')], 2);
    metrics.observe('Other', undefined, 1);
    const text = await registry.metrics();
    expect(text).toContain('graphql_requests_total{operation="Dossier",outcome="ok"} 2\n');
    expect(text).toContain('graphql_requests_total{operation="Dossier",outcome="FORBIDDEN"} 1\n');
    expect(text).toContain('graphql_requests_total{operation="<other>",outcome="ok"} 1\n');
    expect(text).toContain('graphql_request_duration_seconds_count{operation="Dossier",outcome="ok"} 2\n');
    expect(text).toContain('graphql_request_duration_seconds_sum{operation="Dossier",outcome="ok"} 0.015\n');
    expect(text).toContain('graphql_request_duration_seconds_bucket{le="0.005",operation="Dossier",outcome="ok"} 1\n');
  });
});
