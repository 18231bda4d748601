import { useQuery } from '@tanstack/react-query';

/** What the gateway tells the console about signing in (GET /console-api/config). */
export interface ConsoleConfig {
  /** True only while the services trust the launcher's embedded development keys: then the gateway signs tokens for anyone who asks. */
  devSignIn: boolean;
  /** The departments' identity provider, when one is configured (OIDC authorization code + PKCE). */
  oidc: { issuer: string; clientId: string; scope: string } | null;
  /** The services' today in China (`YYYY-MM-DD`): a demonstration may pin it (CLOCK_TODAY); days left count from it. */
  today: string;
}

/** The gateway's console settings, read once per page load. */
export function useConsoleConfig() {
  return useQuery({ queryKey: ['console-config'], queryFn: fetchConsoleConfig, staleTime: Infinity });
}

async function fetchConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console-api/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/console-api/config: HTTP ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}

/** Has the gateway sign a development token (only answered while the development keys are in use). */
export async function fetchDevToken(request: { department: string; roles: string[]; name: string }): Promise<string> {
  const response = await fetch('/console-api/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body.token;
}
