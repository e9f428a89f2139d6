import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { joinFieldNames } from '../limits/join-field-names.js';
import { findShadowingAlias, type ShadowingAlias } from '../limits/shadowing-aliases.js';
import type { GatewayPlugin } from './gateway-plugin.js';

export interface UseAliasGuardOptions {
  /** The supergraph now served (its keys and @requires change with publishes). */
  supergraphSdl(): string;
}

/**
 * Refuses an operation whose alias takes the name of a field the gateway joins on
 * (limits/shadowing-aliases.ts), before planning: @apollo/gateway would answer it with wrong data
 * and no error. The client gets GRAPHQL_VALIDATION_FAILED naming the alias and the field.
 */
export function useAliasGuard(options: UseAliasGuardOptions): GatewayPlugin {
  // Read once per API schema: a new supergraph brings a new schema object.
  const joinFieldsBySchema = new WeakMap<GraphQLSchema, Map<string, Set<string>>>();
  const joinFieldsFor = (schema: GraphQLSchema) => {
    let joinFields = joinFieldsBySchema.get(schema);
    if (!joinFields) joinFieldsBySchema.set(schema, (joinFields = joinFieldNames(options.supergraphSdl())));
    return joinFields;
  };
  // Apollo keeps parsed documents: a portal's repeated operation is looked at once per schema.
  const verdicts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ShadowingAlias | null>>();
  const verdictFor = (schema: GraphQLSchema, document: DocumentNode) => {
    let bySchema = verdicts.get(schema);
    if (!bySchema) verdicts.set(schema, (bySchema = new WeakMap()));
    let verdict = bySchema.get(document);
    if (verdict === undefined) bySchema.set(document, (verdict = findShadowingAlias(schema, document, joinFieldsFor(schema))));
    return verdict;
  };
  return {
    name: 'alias-guard',
    apollo: {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema, document }) {
            const shadowing = verdictFor(schema, document);
            if (!shadowing) return;
            throw new GraphQLError(`The alias "${shadowing.alias}" on ${shadowing.field} takes the name of a field the gateway joins ${shadowing.type} on; choose another alias`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'ALIAS_SHADOWS_JOIN_FIELD', alias: shadowing.alias, http: { status: 400 } },
            });
          },
        };
      },
    },
  };
}
