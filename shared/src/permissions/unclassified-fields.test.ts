import 'reflect-metadata';
import type { GraphQLObjectType } from 'graphql';
import { Arg, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema } from '../federation/build-federated-schema';
import { Alert } from './alert.fixtures';
import { Public } from './data-class';
import { unclassifiedFields } from './unclassified-fields';

// A subgraph in miniature, declared as the departments declare theirs (type-graphql decorators, built into
// a federated schema), with a field of each kind left without a data class: Alert.evidence, a root query
// and a field added by a resolver.

@ObjectType('OpenAlertCount')
class OpenAlertCount {
  @Field()
  @Public()
  count: number;
}

@Resolver(() => Alert)
class AlertResolver {
  @Query(() => Alert, { nullable: true })
  @Public()
  alert(@Arg('alertNo') alertNo: string): Alert {
    return { alertNo, amountOwed: null, contactName: null, informant: null, evidence: null };
  }

  /** A root query without a class. */
  @Query(() => OpenAlertCount)
  openAlerts(): OpenAlertCount {
    return { count: 0 };
  }

  /** A field added by a resolver rather than declared on the class, also without a class. */
  @FieldResolver(() => String)
  summary(@Root() alert: Alert): string {
    return alert.alertNo;
  }

  /** Mutations have their own rule (a writing role of the department), not a data class. */
  @Mutation(() => Boolean)
  closeAlert(@Arg('alertNo') _alertNo: string): boolean {
    return true;
  }
}

describe('unclassifiedFields', () => {
  it('names every field of a subgraph schema declared without a data class, and only those', async () => {
    const schema = await buildFederatedSchema({ resolvers: [AlertResolver] });
    // The schema is what a subgraph serves: federation's own fields are in it, and are not ours to classify.
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['_entities', '_service']));
    expect(unclassifiedFields(schema).sort()).toEqual(['Alert.evidence', 'Alert.summary', 'Query.openAlerts']);
  });

  it('finds nothing once every field declares a class', async () => {
    const schema = await buildFederatedSchema({ resolvers: [AlertResolver] });
    // Classes as the decorators would have put them (what `copyFieldExtensions` carries into the subgraph schema).
    for (const [type, field] of [
      ['Alert', 'evidence'],
      ['Alert', 'summary'],
      ['Query', 'openAlerts'],
    ] as const) {
      const target = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
      (target as { extensions: Record<string, unknown> }).extensions = {
        ...target.extensions,
        classification: { dataClass: 'RESTRICTED' },
      };
    }
    expect(unclassifiedFields(schema)).toEqual([]);
  });
});
