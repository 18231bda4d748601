/** Options of every mutation's `input` argument: the schema describes every argument. */
export const INPUT_ARG = {
  description: 'What to record or change; checked field by field (BAD_USER_INPUT names the field and the rule).',
} as const;
