import type { PlanNode, QueryPlan } from '@apollo/query-planner';

/** The subgraphs a plan fetches from, and how many fetches it makes. */
export function fetchesOf(plan: QueryPlan): Array<{ serviceName: string }> {
  const fetches: Array<{ serviceName: string }> = [];
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        fetches.push({ serviceName: node.serviceName });
        return;
      case 'Flatten':
        walk(node.node);
        return;
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(walk);
        return;
      case 'Condition':
        walk(node.ifClause);
        walk(node.elseClause);
        return;
      case 'Defer':
        walk(node.primary.node);
        node.deferred.forEach((d) => walk(d.node));
        return;
      default:
        return;
    }
  };
  // Subscriptions are not served by this graph; a plan root is otherwise a PlanNode.
  if (plan.node?.kind !== 'Subscription') walk(plan.node);
  return fetches;
}
