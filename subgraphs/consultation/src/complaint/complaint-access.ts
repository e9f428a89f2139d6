import type { Claims } from '@govgraph/kit';
import { HALL_OFFICE_CODE, isOfficerOf } from '../consultation/consultation-access.js';
import type { ConsultationComplaint } from './complaint.type.js';

/** The complainant, an officer of the department complained about, or of the hall office that coordinates. */
export function mayReadComplaint(claims: Claims | null, complaint: ConsultationComplaint): boolean {
  if (claims?.applicantId === complaint.applicantId) return true;
  return isOfficerOf(claims, complaint.departmentCode) || isOfficerOf(claims, HALL_OFFICE_CODE);
}
