import { idNumberCheckCharacter, usccCheckCharacter } from '@labour/shared';

/** Valid identifiers for the court integration tests: the check character computed from the first 17. */
export const uscc = (body: string) => body + usccCheckCharacter(body);
export const FACTORY = uscc('91110115MA01WE4BD');
export const LI = { idNumber: `11010219850611002${idNumberCheckCharacter('11010219850611002')}`, name: '李强' };

/** A BAD_USER_INPUT error naming the field and its rule. */
export const badInput = (field: string, rule: string) =>
  expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field, rule }) });
/** A mutation taking one input and returning the given fields. */
export const mutation = (name: string, input: string, fields: string) =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { ${fields} } }`;
