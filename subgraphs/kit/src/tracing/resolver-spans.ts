import { context, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { withServiceSpan } from './service-tracing.js';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';

const WRAPPED = Symbol('govgraph.resolverSpan');

/**
 * A span per root field (each query and mutation, and `_entities`), its resolver run inside it so
 * the statements it makes are its children: `resolve Query.matters`. Only the root fields: a span
 * per nested field would cost more than the answer. The schema's root resolvers are wrapped in
 * place, once, and only when the service traces; outside a traced request they run as before.
 */
export function traceRootResolvers(schema: GraphQLSchema, tracer: Tracer): void {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!isObjectType(root)) continue;
    for (const field of Object.values(root.getFields())) {
      const original = field.resolve ?? defaultFieldResolver;
      if ((original as { [WRAPPED]?: true })[WRAPPED]) continue;
      const name = `resolve ${root.name}.${field.name}`;
      const wrapped: typeof original = (source, args, contextValue, info) => {
        const parent = context.active();
        if (!trace.getSpan(parent)) return original(source, args, contextValue, info);
        const span = tracer.startSpan(name, { attributes: { 'graphql.field.path': `${root.name}.${field.name}` } }, parent);
        const fail = (error: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
          span.end();
          throw error;
        };
        try {
          const result = withServiceSpan(span, tracer, () => original(source, args, contextValue, info));
          if (result instanceof Promise) {
            return result.then((value) => {
              span.end();
              return value;
            }, fail);
          }
          span.end();
          return result;
        } catch (error) {
          return fail(error);
        }
      };
      Object.assign(wrapped, { [WRAPPED]: true });
      field.resolve = wrapped;
    }
  }
}
