import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useSession } from '../auth/session';
import { request, type Answer } from './client';

type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/**
 * A query through the gateway with the signed-in token, cached by React Query under its document and
 * variables. The whole answer is kept (data, errors, missing departments): screens show gaps for what they are.
 */
export function useGraphQL<R, V>(document: Doc<R, V>, variables: V, options: Partial<UseQueryOptions<Answer<R>>> = {}) {
  const { token, session } = useSession();
  return useQuery<Answer<R>>({
    queryKey: [document.toString(), variables, session?.claims.sub ?? null],
    queryFn: ({ signal }) => request(document, variables, token, signal),
    ...options,
  });
}

/** A mutation through the gateway; every cached query is refetched after it succeeds. */
export function useGraphQLMutation<R, V>(document: Doc<R, V>) {
  const { token } = useSession();
  const client = useQueryClient();
  return useMutation<Answer<R>, Error, V>({
    mutationFn: (variables) => request(document, variables, token),
    onSuccess: () => client.invalidateQueries(),
  });
}
