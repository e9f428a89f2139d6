import { departmentName } from '../lifecycle/actors.js';

/** Provenance names departments; rows may hold a code (our own writes) or a name (copied from a fact). */
export const ProvenanceDepartment = {
  name(value: string | null): string | null {
    if (!value) return null;
    return departmentName(value) ?? value;
  },
};
