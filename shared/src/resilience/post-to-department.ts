import type * as Undici from 'undici';
import type { DepartmentGuard } from './department-guard';

/** What one department answered a JSON POST with: its HTTP status and its JSON body. */
export interface DepartmentAnswer<B> {
  status: number;
  body: B;
}

let undici: typeof Undici | undefined;
/**
 * undici, required at the first call rather than at start: it is some sixty modules that every subgraph
 * would otherwise compile before it answers (about 0.18 s of CPU each), for calls that come later if at all.
 */
function undiciOnFirstCall(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  undici ??= require('undici') as typeof Undici;
  return undici;
}

/**
 * POSTs `body` as JSON to another department (`url`) within its guard's timeout and breaker, with the
 * given bearer token and request id. A 5xx or a body that is not JSON is the department failing (thrown,
 * and counted by its breaker); any other status is its answer, returned with its body for the caller to judge.
 */
export async function postToDepartment<B>(
  guard: DepartmentGuard,
  url: string | URL,
  request: { authorization: string; requestId?: string; body: unknown },
): Promise<DepartmentAnswer<B>> {
  return guard.call(async (signal) => {
    // undici's request API, kept-alive connections and no web streams (WHATWG fetch builds them per call).
    const response = await undiciOnFirstCall().request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: request.authorization,
        ...(request.requestId ? { 'x-request-id': request.requestId } : {}),
      },
      body: JSON.stringify(request.body),
      signal,
    });
    if (response.statusCode >= 500) {
      await response.body.dump();
      throw new Error(`HTTP ${response.statusCode}`);
    }
    return { status: response.statusCode, body: (await response.body.json()) as B };
  });
}
