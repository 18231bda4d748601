import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

/** What a supergraph text is worth to the gateway: the subgraphs it routes to, or why it cannot be served. */
export type SupergraphVerdict =
  { readonly ok: true; readonly subgraphs: readonly string[] } | { readonly ok: false; readonly reason: string };

export interface SupergraphRules {
  /** The subgraphs the gateway can guard and route to (its departments), by the names the supergraph gives them. */
  readonly knownSubgraphs: readonly string[];
  /** Whether a subgraph has somewhere to go: a URL in the supergraph or one set in the gateway's environment. */
  readonly hasUrl: (name: string, urlInSupergraph: string | undefined) => boolean;
  /** Why its API schema cannot be served (the registered trusted documents it would break); undefined: it can. */
  readonly apiSchemaProblem?: (apiSchema: GraphQLSchema) => string | undefined;
}

/**
 * Checks a supergraph before the gateway serves it: it parses, it is a valid supergraph (federation's own
 * validation, which the gateway skips with NODE_ENV=production), its API schema can be derived, and every
 * subgraph it names is a department the gateway knows, with a URL, and its API schema breaks nothing registered
 * (`apiSchemaProblem`: the department systems' trusted documents still validate). Never throws.
 */
export function checkSupergraph(sdl: string, rules: SupergraphRules): SupergraphVerdict {
  let supergraph: Supergraph;
  let apiSchema: GraphQLSchema | undefined;
  try {
    supergraph = Supergraph.build(sdl, { validateSupergraph: true });
    const api = supergraph.apiSchema();
    if (rules.apiSchemaProblem) apiSchema = api.toGraphQLJSSchema();
  } catch (error) {
    return { ok: false, reason: `not a valid supergraph: ${messageOf(error)}` };
  }
  const subgraphs = supergraph.subgraphsMetadata();
  if (subgraphs.length === 0) return { ok: false, reason: 'it names no subgraph' };
  const unknown = subgraphs.filter((subgraph) => !rules.knownSubgraphs.includes(subgraph.name)).map((subgraph) => subgraph.name);
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `it names subgraph(s) ${unknown.join(', ')}, which are no department's (expected among ${rules.knownSubgraphs.join(', ')})`,
    };
  }
  const unreachable = subgraphs
    .filter((subgraph) => !rules.hasUrl(subgraph.name, subgraph.url || undefined))
    .map((subgraph) => subgraph.name);
  if (unreachable.length > 0)
    return { ok: false, reason: `no URL for subgraph(s) ${unreachable.join(', ')}: neither in the supergraph nor in the environment` };
  const problem = apiSchema && rules.apiSchemaProblem?.(apiSchema);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, subgraphs: subgraphs.map((subgraph) => subgraph.name) };
}

/** The first lines of an error's message: federation's validation errors can list hundreds of lines. */
function messageOf(error: unknown): string {
  const text = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const lines = text.split('\n');
  return lines.length > 12 ? `${lines.slice(0, 12).join('\n')}\n… (${lines.length - 12} more lines)` : text;
}
