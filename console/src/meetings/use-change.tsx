import { useRef } from 'react';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useGraphQLMutation } from '../graphql/use-query';
import type { MeetingContext } from './MeetingPage';
import { MutationError } from './mutation-error';

type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/**
 * A change to the meeting, sent with the version on screen. One at a time: the button is disabled while
 * it is pending or while the meeting is being reread, and a second submit in the same moment is dropped.
 */
export function useChange<R, I>(document: Doc<R, { input: I }>, ctx: MeetingContext) {
  const mutation = useGraphQLMutation(document);
  const sending = useRef(false);
  const disabled = mutation.isPending || ctx.busy;
  return {
    disabled,
    mutation,
    send(input: I, onDone?: () => void) {
      if (sending.current || disabled) return;
      sending.current = true;
      mutation.mutate(
        { input },
        {
          onSuccess: () => onDone?.(),
          onSettled: () => {
            sending.current = false;
          },
        },
      );
    },
    error: (
      <MutationError
        error={mutation.error}
        onReload={() => {
          mutation.reset();
          ctx.reload();
        }}
      />
    ),
  };
}

/** The meeting a change is made to, and the version it was read at. */
export const base = (ctx: MeetingContext) => ({ meetingId: ctx.meeting.id, version: ctx.meeting.version });
