import { isAbstractType, isInterfaceType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLNamedType, type GraphQLSchema } from 'graphql';

export interface ShadowingAlias {
  alias: string;
  /** `Type.field` the alias was put on. */
  field: string;
  /** The type whose join field the alias takes the name of. */
  type: string;
}

/**
 * The first alias in `document` that gives a field the response name of another field the query
 * planner selects on its own for that place (`joinFields`, plus `__typename` everywhere). The
 * planner does not tell the two apart: @apollo/gateway 2.14 then answers the key's value for the
 * client's field (`{ product { id: name } }` answers the id), feeds the client's field to a
 * @requires, or fails. Types related to the parent (its possible types and interfaces) count,
 * since the planner may join through any of them.
 */
export function findShadowingAlias(schema: GraphQLSchema, document: DocumentNode, joinFields: ReadonlyMap<string, ReadonlySet<string>>): ShadowingAlias | null {
  const typeInfo = new TypeInfo(schema);
  let found: ShadowingAlias | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (found || !node.alias || node.alias.value === node.name.value) return;
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const alias = node.alias.value;
        const field = `${parent.name}.${node.name.value}`;
        if (alias === '__typename') {
          found = { alias, field, type: parent.name };
          return;
        }
        for (const type of relatedTypes(schema, parent)) {
          if (joinFields.get(type.name)?.has(alias)) {
            found = { alias, field, type: type.name };
            return;
          }
        }
      },
    }),
  );
  return found;
}

function relatedTypes(schema: GraphQLSchema, parent: GraphQLNamedType): GraphQLNamedType[] {
  const related: GraphQLNamedType[] = [parent];
  const objects = isAbstractType(parent) ? schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
  for (const object of objects) {
    if (object !== parent) related.push(object);
    related.push(...object.getInterfaces());
  }
  if (isInterfaceType(parent)) related.push(...parent.getInterfaces());
  return related;
}
