import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { BaseRequestContext } from '../context';
import type { AccessRecorder } from '../permissions/access-recorder';
import type { AccessLogSink } from './access-log-writer';
import { BufferedAccessRecorder, type NewAccessLogRow } from './buffered-access-recorder';

/** A request context with an access recorder in it (`ctx.access`). */
export interface AccessLoggingContext extends BaseRequestContext {
  access: AccessRecorder;
}

export interface AccessLogPluginOptions {
  /** Where the rows go: the service's one `AccessLogWriter` (group commit), shared by all its requests. */
  sink: AccessLogSink;
}

/**
 * Hands what a request's `BufferedAccessRecorder` collected to the service's access-log writer, once, when
 * execution has ended (every read is recorded by then; else when the response is about to be sent), and
 * waits before the response is sent until the writer has committed it: the rows of all requests
 * finishing at about the same time go into one INSERT (group commit, see `AccessLogWriter`), and a
 * response leaves only after its reads are in the log.
 *
 * When the log cannot be written, the response does NOT carry the data: it is replaced by `data: null`
 * and one INTERNAL_SERVER_ERROR that says nothing about the cause (no SQL, no table name). Reads of
 * another department's data must leave a trace, so a read that cannot be logged fails closed, as the
 * permission layer does when the channel registry is unreachable. The rows that were lost are written
 * to the service log at error level, whole, so the audit trail can be restored from there.
 */
export function accessLogPlugin(options: AccessLogPluginOptions): ApolloServerPlugin<BaseRequestContext> {
  return {
    async requestDidStart() {
      /** The request's rows and their append, started once: when execution ends, else when the response is about to go. */
      let rows: NewAccessLogRow[] = [];
      let appended: Promise<unknown> | undefined;
      const startAppend = (requestContext: {
        contextValue: BaseRequestContext;
        operationName?: string | null;
      }): Promise<unknown> | undefined => {
        if (appended) return appended;
        const ctx = requestContext.contextValue as BaseRequestContext & Partial<AccessLoggingContext>;
        const recorder = ctx.access;
        if (!(recorder instanceof BufferedAccessRecorder) || recorder.isEmpty) return undefined;
        try {
          rows = recorder.take(
            {
              at: new Date(),
              principal: ctx.principal,
              operationName: requestContext.operationName ?? null,
              purpose: ctx.purpose,
              requestId: ctx.requestId,
            },
            ctx.fetchOrigins,
          );
          appended = options.sink.append(rows);
        } catch (error) {
          appended = Promise.reject(error);
        }
        // Awaited in willSendResponse, which handles its failure; until then it must not count as unhandled.
        appended.catch(() => undefined);
        return appended;
      };
      return {
        // Every read is recorded once execution has ended: the INSERT starts then, while the response is
        // formatted and the other plugins run, and willSendResponse waits for it.
        async executionDidStart(requestContext) {
          return {
            async executionDidEnd() {
              startAppend(requestContext);
            },
          };
        },
        async willSendResponse(requestContext) {
          const ctx = requestContext.contextValue;
          const append = startAppend(requestContext);
          if (!append) return;
          try {
            await append;
          } catch (error) {
            ctx.logger.error(
              { err: error, accessLog: rows },
              'ACCESS LOG NOT WRITTEN: the reads of this request are not in the access log (the rows are in this line); the response was withheld',
            );
            withhold(requestContext, ctx.requestId);
          }
        },
      };
    },
  };
}

function withhold<C extends BaseContext>(requestContext: GraphQLRequestContextWillSendResponse<C>, requestId: string): void {
  requestContext.response.body = {
    kind: 'single',
    singleResult: {
      data: null,
      errors: [
        {
          message: `The access log could not be written, so the data read is withheld; the service log has the details under request id ${requestId}.`,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    },
  };
}
