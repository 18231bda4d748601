import { Extensions } from 'type-graphql';

/**
 * On a `@Mutation`: a principal of ANY department holding a writing role may call it, and its resolver
 * makes the finer check itself (e.g. "only the provider's ADMIN activates a sharing channel"). Without
 * it, the permission layer lets only the subgraph's own department write. Analysts and auditors never write.
 */
export const CrossDepartment = () => Extensions({ crossDepartment: true });

/** Whether a schema field carries `@CrossDepartment()`. */
export function isCrossDepartment(field: { extensions?: Readonly<Record<string, unknown>> | null }): boolean {
  return field.extensions?.['crossDepartment'] === true;
}
