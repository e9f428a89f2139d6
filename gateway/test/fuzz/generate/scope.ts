import {
  getNamedType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type ArgumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
} from 'graphql';

/** One field selected under a response name, as graphql's OverlappingFieldsCanBeMerged compares it. */
export interface ScopeEntry {
  parent: GraphQLCompositeType;
  fieldName: string;
  /** The arguments as written (reused when the generator selects the same field again). */
  args: readonly ArgumentNode[];
  argsKey: string;
  type: GraphQLOutputType;
  /** The response names under this field, for a composite field. */
  child: Scope | null;
  /** The field as first written (the generator writes variants of it). */
  node?: FieldNode;
}

export type Candidate = Omit<ScopeEntry, 'child' | 'node'>;

/**
 * The response names of one level of a selection set — its fields, and those of its inline
 * fragments and fragment spreads, which graphql merges with them — so the generator only writes
 * a response name twice where validation allows it: the same field with the same arguments
 * (their sub-selections merge, so they share one child scope), or, under two different object
 * types, leaf fields of the same type. Stricter than graphql where that keeps it simple.
 */
export class Scope {
  private readonly entries = new Map<string, ScopeEntry[]>();

  admits(responseName: string, candidate: Candidate): boolean {
    return (this.entries.get(responseName) ?? []).every((entry) => compatible(entry, candidate));
  }

  /** Records the field; its sub-selection goes in the entry's child scope (shared with an identical field's). */
  add(responseName: string, candidate: Candidate): ScopeEntry {
    const entries = this.entries.get(responseName) ?? [];
    const same = entries.find((entry) => sameField(entry, candidate));
    if (same) return same;
    const entry: ScopeEntry = {
      parent: candidate.parent,
      fieldName: candidate.fieldName,
      args: candidate.args,
      argsKey: candidate.argsKey,
      type: candidate.type,
      child: isCompositeType(getNamedType(candidate.type)) ? new Scope() : null,
    };
    entries.push(entry);
    this.entries.set(responseName, entries);
    return entry;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The sub-selection's scope of a composite field selected under `responseName`, if any. */
  childOf(responseName: string): Scope | null {
    return this.entries.get(responseName)?.find((entry) => entry.child)?.child ?? null;
  }

  /** Fields already selected here: candidates for selecting the same field again. */
  fields(): ReadonlyArray<[string, ScopeEntry]> {
    return [...this.entries].flatMap(([name, entries]) => entries.map((entry): [string, ScopeEntry] => [name, entry]));
  }

  /** Whether a fragment whose own level is `other` can be spread here. */
  accepts(other: Scope): boolean {
    for (const [name, theirs] of other.entries) {
      for (const candidate of theirs) {
        for (const ours of this.entries.get(name) ?? []) {
          if (!compatible(ours, candidate)) return false;
          if (sameField(ours, candidate) && ours.child && candidate.child && !ours.child.accepts(candidate.child)) return false;
        }
      }
    }
    return true;
  }

  /** Takes in a fragment's level (checked with accepts first). */
  absorb(other: Scope): void {
    for (const [name, theirs] of other.entries) {
      for (const candidate of theirs) {
        const { child } = this.add(name, candidate);
        if (child && candidate.child) child.absorb(candidate.child);
      }
    }
  }
}

function sameField(a: Candidate, b: Candidate): boolean {
  return a.fieldName === b.fieldName && a.argsKey === b.argsKey;
}

function compatible(a: Candidate, b: Candidate): boolean {
  if (typesConflict(a.type, b.type)) return false;
  if (sameField(a, b)) return true;
  // Different fields under one response name: only leaves under two different object types.
  const exclusive = a.parent !== b.parent && isObjectType(a.parent) && isObjectType(b.parent);
  return exclusive && isLeafType(getNamedType(a.type));
}

/** graphql's doTypesConflict: the same list and non-null wrapping, the same leaf type. */
function typesConflict(a: GraphQLOutputType, b: GraphQLOutputType): boolean {
  if (isListType(a) || isListType(b)) return !(isListType(a) && isListType(b)) || typesConflict(a.ofType, b.ofType);
  if (isNonNullType(a) || isNonNullType(b)) return !(isNonNullType(a) && isNonNullType(b)) || typesConflict(a.ofType, b.ofType);
  if (isLeafType(a) || isLeafType(b)) return a !== b;
  return false;
}
