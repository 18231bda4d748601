import type { DepartmentGuard } from './department-guard';

/** What one department answered a JSON POST with: its HTTP status and its JSON body. */
export interface DepartmentAnswer<B> {
  status: number;
  body: B;
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
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: request.authorization,
        ...(request.requestId ? { 'x-request-id': request.requestId } : {}),
      },
      body: JSON.stringify(request.body),
      signal,
    });
    if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
    return { status: response.status, body: (await response.json()) as B };
  });
}
