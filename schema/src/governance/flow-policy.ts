import type { DataPolicy, DataSharingAgreement, FlowKind } from './data-policy.js';
import type { GraphModel } from './graph-model.js';

/** Whose personal data a field is, and the policy entry that says so. */
export interface Classification {
  department: string;
  entry: string;
}

/**
 * Reads the policy against one graph: which department's personal data a field is, and which
 * agreement (if any) allows a flow of it.
 */
export class FlowPolicy {
  private readonly explicit = new Map<string, Array<{ type: string; department: string; entry: string }>>();
  private readonly wildcards: Array<{ type: string; department: string; entry: string }> = [];

  constructor(
    readonly policy: DataPolicy,
    private readonly model: GraphModel,
  ) {
    for (const [department, { personal }] of Object.entries(policy.departments)) {
      for (const entry of personal) {
        const [type, field] = entry.split('.') as [string, string];
        if (field === '*') this.wildcards.push({ type, department, entry });
        else this.explicit.set(field, [...(this.explicit.get(field) ?? []), { type, department, entry }]);
      }
    }
  }

  /**
   * `Type.field` classified on the type or anywhere in its family. `Type.*` covers the fields the
   * department itself resolves there, so `Person.*` never claims the fields another department
   * adds to Person through `@interfaceObject`.
   */
  classify(type: string, field: string): Classification | undefined {
    const family = this.model.family(type);
    for (const candidate of this.explicit.get(field) ?? []) {
      if (family.has(candidate.type)) return { department: candidate.department, entry: candidate.entry };
    }
    for (const candidate of this.wildcards) {
      if (family.has(candidate.type) && this.model.resolvesField(candidate.department, type, field)) {
        return { department: candidate.department, entry: candidate.entry };
      }
    }
    return undefined;
  }

  /** The agreement that allows this flow, if any. */
  agreementFor(flow: { kind: FlowKind; consumer: string; provider: string; field: string }): DataSharingAgreement | undefined {
    const [type, field] = flow.field.split('.') as [string, string];
    const family = this.model.family(type);
    return this.policy.agreements.find((agreement) => {
      if (agreement.consumer !== flow.consumer || agreement.provider !== flow.provider) return false;
      if (flow.kind === 'override' ? agreement.override !== true : agreement.kinds !== undefined && !agreement.kinds.includes(flow.kind)) return false;
      return agreement.fields.some((coordinate) => {
        const [allowedType, allowedField] = coordinate.split('.') as [string, string];
        return family.has(allowedType) && (allowedField === '*' || allowedField === field);
      });
    });
  }
}
