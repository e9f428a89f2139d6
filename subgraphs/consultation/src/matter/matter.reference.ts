import { MATTER_CODE_RULE, type EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import type { Matter } from './matter.type.js';

/**
 * Any matter code the catalog might know: the representation is all this subgraph needs (its
 * frequently asked questions are public). A code no matter could have is no matter at all.
 */
export const matterReference: EntityReference<{ code: string }, ConsultationContext, Matter> = {
  __resolveReference(ref) {
    const code = ref.code;
    if (typeof code !== 'string' || code.length > MATTER_CODE_RULE.max || !MATTER_CODE_RULE.pattern!.test(code)) return null;
    return { code };
  },
};
