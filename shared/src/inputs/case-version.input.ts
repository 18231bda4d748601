import { InputType } from 'type-graphql';
import { VersionField } from '../db/version-field';
import { TextInputField } from './input-fields';

/**
 * The base of the inputs that change a case: its case number (the key) and the version the caller read, in that
 * order, so a subclass's own fields follow them. `caseNoDescription` describes the case number.
 */
export function CaseVersionInput(caseNoDescription = 'Case number.') {
  // Registered so that its subclasses inherit its fields; no field takes it itself, so the schema leaves it out.
  @InputType()
  abstract class CaseVersionInput {
    @TextInputField(caseNoDescription, 60)
    caseNo: string;

    @VersionField()
    version: number;
  }
  return CaseVersionInput;
}
