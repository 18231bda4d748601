import { Length } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ConsultationNoArgs {
  @Field({ description: 'Consultation number (咨询编号), e.g. ZX-2026-00102.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  consultationNo: string;
}
