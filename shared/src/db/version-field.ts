import { Min } from 'class-validator';
import { Field, Int } from 'type-graphql';

/**
 * The `version` of an input that changes a record: the version the caller read, refused with CONFLICT when
 * stale (see updateVersioned). `of` names the record when the input's own name does not, e.g. 'the meeting'.
 * A field rather than a base class: an inherited field would come first in the input, before the key.
 */
export function VersionField(of?: string): PropertyDecorator {
  const description = `The version${of ? ` of ${of}` : ''} you read; a stale one is refused with CONFLICT.`;
  const field = Field(() => Int, { description });
  const atLeastOne = Min(1, { message: 'must be at least 1' });
  return (target, property) => {
    field(target, property);
    atLeastOne(target, property);
  };
}
