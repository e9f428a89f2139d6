import { Kind, parse, print, validate, visit, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionNode } from 'graphql';
import { tidyDocument } from './generate/tidy-document.js';

export interface Shrinkable {
  document: DocumentNode;
  variables: Record<string, unknown>;
}

/** Edits tried one at a time, the biggest cuts first. */
const EDITS = ['drop selection', 'inline fragment spread', 'unwrap inline fragment', 'drop argument', 'drop directive', 'drop alias'] as const;
type Edit = (typeof EDITS)[number];

/**
 * Makes a failing document smaller while `stillFails` holds: drops selections, arguments,
 * directives and aliases and replaces fragments by their selections, one at a time, keeping an
 * edit whenever the result is still valid and still fails, until no single edit does.
 * `budget` bounds the number of runs of `stillFails`.
 */
export async function shrinkDocument(schema: GraphQLSchema, start: Shrinkable, stillFails: (candidate: Shrinkable) => Promise<boolean>, budget = 300): Promise<Shrinkable> {
  let current = start;
  let tries = 0;
  for (let progress = true; progress && tries < budget; ) {
    progress = false;
    for (const edit of EDITS) {
      for (let index = 0; tries < budget; index++) {
        const edited = applyEdit(current.document, edit, index);
        if (!edited) break;
        const candidate = validCandidate(schema, edited, current.variables);
        if (!candidate) continue;
        tries++;
        if (await stillFails(candidate)) {
          current = candidate;
          progress = true;
          index--;
        }
      }
    }
  }
  return current;
}

function validCandidate(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): Shrinkable | undefined {
  const tidy = tidyDocument(document, variables);
  let reparsed: DocumentNode;
  try {
    // An emptied selection set prints as `{}`, which does not parse: such an edit is skipped.
    reparsed = parse(print(tidy.document));
  } catch {
    return undefined;
  }
  return validate(schema, reparsed).length === 0 ? { document: reparsed, variables: tidy.variables } : undefined;
}

/** The document with the `index`-th place `edit` applies to edited, or undefined when there are fewer places. */
function applyEdit(document: DocumentNode, edit: Edit, index: number): DocumentNode | undefined {
  let seen = 0;
  const hit = () => seen++ === index;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  let edited: ASTNode;
  switch (edit) {
    case 'drop selection':
      edited = visit(document, {
        Field: (node) => (hit() ? null : node),
        InlineFragment: (node) => (hit() ? null : node),
        FragmentSpread: (node) => (hit() ? null : node),
      });
      break;
    case 'inline fragment spread':
      edited = visit(document, {
        FragmentSpread: (node) => {
          const fragment = fragments.get(node.name.value);
          return hit() && fragment ? { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: node.directives, selectionSet: fragment.selectionSet } : node;
        },
      });
      break;
    case 'unwrap inline fragment':
      edited = visit(document, {
        SelectionSet: (node) => {
          const selections: SelectionNode[] = [];
          for (const selection of node.selections) {
            if (selection.kind === Kind.INLINE_FRAGMENT && hit()) selections.push(...selection.selectionSet.selections);
            else selections.push(selection);
          }
          return { ...node, selections };
        },
      });
      break;
    case 'drop argument':
      edited = visit(document, { Argument: (node) => (hit() ? null : node) });
      break;
    case 'drop directive':
      edited = visit(document, { Directive: (node) => (hit() ? null : node) });
      break;
    case 'drop alias':
      edited = visit(document, { Field: (node) => (node.alias && hit() ? { ...node, alias: undefined } : node) });
      break;
  }
  return seen > index ? (edited as DocumentNode) : undefined;
}
