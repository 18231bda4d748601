import { Entity } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { BaseRecord } from './base-record';
import { CaseNumberField, DisputeNoField } from './case-fields';

/**
 * The base of a department's case record: a `BaseRecord` that opens with its case number (案号), in the
 * department's form `caseNoDescription` describes, and the dispute number (争议编号) that ties it to the same
 * dispute at the other departments. Their columns and schema fields come first, right after the record's own.
 */
export function CaseRecord<Optional extends string = never>(caseNoDescription: string) {
  @ObjectType({ description: 'Fields every case record has.' })
  @Entity({ abstract: true })
  abstract class Case extends BaseRecord<Optional> {
    @CaseNumberField(caseNoDescription)
    caseNo: string;

    @DisputeNoField()
    disputeNo: string;
  }
  return Case;
}
