import { TextInputField } from '@labour/shared';
import { ArgsType } from 'type-graphql';

@ArgsType()
export class ConsultationNoArgs {
  @TextInputField('Consultation number (咨询编号), e.g. ZX-2026-00102.', 40)
  consultationNo: string;
}
