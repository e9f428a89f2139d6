import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireApplicant } from '@govgraph/kit';
import { ConsultationComplaint } from '../complaint/complaint.type.js';
import type { ConsultationContext } from '../context.js';
import { Consultation } from '../consultation/consultation.type.js';
import { Applicant } from './applicant.type.js';

@Resolver(() => Applicant)
export class ApplicantConsultationResolver {
  @FieldResolver(() => [Consultation], { description: 'The consultations the applicant asked, newest first. Only the applicant may read them.' })
  consultations(@Root() applicant: Applicant, @Ctx() ctx: ConsultationContext): Promise<Consultation[]> {
    // The gateway may ask for any applicant's id: only the caller acting as that applicant gets an answer.
    requireApplicant(ctx.claims, applicant.id, 'read their consultations');
    return ctx.loaders.consultationsByApplicant.load(applicant.id);
  }

  @FieldResolver(() => [ConsultationComplaint], { description: 'The complaints the applicant filed, newest first. Only the applicant may read them.' })
  consultationComplaints(@Root() applicant: Applicant, @Ctx() ctx: ConsultationContext): Promise<ConsultationComplaint[]> {
    requireApplicant(ctx.claims, applicant.id, 'read their complaints');
    return ctx.loaders.complaintsByApplicant.load(applicant.id);
  }
}
