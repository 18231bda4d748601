/**
 * The gateway is ready when every subgraph says it is: a merged answer needs all four. Answers are
 * kept for a moment so that frequent probes do not turn into a storm of subgraph calls.
 */
export function subgraphReadiness(targets: () => ReadonlyMap<string, string>, cacheMs = 2000) {
  let checkedAt = 0;
  let last = false;
  return async (): Promise<boolean> => {
    if (Date.now() - checkedAt < cacheMs) return last;
    const urls = [...targets().values()];
    const answers = await Promise.all(
      urls.map(async (url) => {
        try {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(1500) });
          return response.ok;
        } catch {
          return false;
        }
      }),
    );
    last = urls.length > 0 && answers.every(Boolean);
    checkedAt = Date.now();
    return last;
  };
}
