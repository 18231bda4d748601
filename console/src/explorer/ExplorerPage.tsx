import { useGraphiQL, useMonaco } from '@graphiql/react';
import type { Fetcher } from '@graphiql/toolkit';
import { useQuery } from '@tanstack/react-query';
import { GraphiQL } from 'graphiql';
// Monaco's language services run in web workers, built into the bundle with Vite's `?worker` (graphiql 5's Vite setup):
// nothing is fetched from a CDN, and the gateway's policy allows workers from itself only.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { buildClientSchema, buildSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import readme from '../../../README.md?raw';
import bundledSchemaSource from '../../schema.graphql?raw';
import { useSession } from '../auth/session';
import type { GraphQLErrorEntry, TokenSource } from '../graphql/client';
import { examplesOf, type Example } from './examples';
import { LimitPanel } from './LimitPanel';
import { limitRefusalOf, limitRefusalsOf, type LimitRefusal } from './limits';

const EXAMPLES: readonly Example[] = examplesOf(readme);

/**
 * GraphiQL keeps its tabs, history and settings in the storage it is given: here this tab's session
 * storage (gone with the tab, like the token), never localStorage, under a prefix of its own.
 */
const PREFIX = 'labour-console.explorer:';
const tabStorage: Storage = {
  get length() {
    return ownKeys().length;
  },
  key: (index) => ownKeys()[index] ?? null,
  getItem: (key) => sessionStorage.getItem(PREFIX + key),
  setItem: (key, value) => sessionStorage.setItem(PREFIX + key, value),
  removeItem: (key) => sessionStorage.removeItem(PREFIX + key),
  clear: () => ownKeys().forEach((key) => sessionStorage.removeItem(PREFIX + key)),
};
function ownKeys(): string[] {
  return Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)).flatMap((key) =>
    key?.startsWith(PREFIX) ? [key.slice(PREFIX.length)] : [],
  );
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
  extensions?: Record<string, unknown>;
}

/** Posts to the gateway's /graphql with the signed-in token; an answer that is not JSON becomes one error naming its HTTP status. */
async function post(body: unknown, token: TokenSource): Promise<GraphQLBody> {
  const bearer = token();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  try {
    return (await response.json()) as GraphQLBody;
  } catch {
    return { errors: [{ message: `HTTP ${response.status} ${response.statusText}`.trim() }] };
  }
}

type SchemaSource = { schema: GraphQLSchema; refused: LimitRefusal | GraphQLErrorEntry | null; failed: string | null };

/**
 * The schema for the documentation explorer and completion: introspected through the gateway with the
 * caller's token (reading the schema is priced on the staff's budget for every role). Should the gateway
 * refuse it all the same (a gateway with other limits), the console's own copy of the API schema is used,
 * built from the same supergraph, and the page says so.
 */
async function loadSchema(token: TokenSource): Promise<SchemaSource> {
  const bundled = () => buildSchema(bundledSchemaSource);
  try {
    const answer = await post({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }, token);
    if (answer.data) return { schema: buildClientSchema(answer.data as IntrospectionQuery), refused: null, failed: null };
    const first = answer.errors?.[0] ?? { message: 'no data' };
    return { schema: bundled(), refused: limitRefusalOf(first) ?? first, failed: null };
  } catch (error) {
    return { schema: bundled(), refused: null, failed: (error as Error).message };
  }
}

/**
 * GraphiQL's light editor theme (its name, redefined once Monaco has loaded): token colours dark enough
 * for a 4.5:1 contrast on the editors' backgrounds (Monaco's green numbers, comments, bracket pairs and dimmed line numbers fall short).
 */
const LIGHT_THEME = 'graphiql-LIGHT';
const LIGHT_THEME_DATA = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'number', foreground: '0a6b3f' },
    { token: 'comment', foreground: '2f6318' },
    { token: 'argument.identifier.gql', foreground: '4f4bb8' },
    { token: 'keyword', foreground: '0000c0' },
  ],
  colors: {
    'editorBracketHighlight.foreground1': '#0431fa',
    'editorBracketHighlight.foreground2': '#1e6b1e',
    'editorBracketHighlight.foreground3': '#7b3814',
    'editorLineNumber.foreground': '#57606a',
    'editorLineNumber.dimmedForeground': '#57606a',
    'editorLineNumber.activeForeground': '#1f2328',
  },
} as const;

/** Inside GraphiQL's provider: hands the page a way to put a query into the editor, and sets the editors' colours. */
function EditorBridge({ onReady }: { onReady: (put: ((query: string) => void) | null) => void }) {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const monaco = useMonaco((state) => state.monaco);
  useEffect(() => {
    if (!monaco) return;
    monaco.editor.defineTheme(LIGHT_THEME, {
      ...LIGHT_THEME_DATA,
      rules: [...LIGHT_THEME_DATA.rules],
      colors: { ...LIGHT_THEME_DATA.colors },
    });
    monaco.editor.setTheme(LIGHT_THEME);
  }, [monaco]);
  useEffect(() => {
    if (!queryEditor) return undefined;
    onReady((query) => {
      queryEditor.setValue(query);
      variableEditor?.setValue('');
      queryEditor.focus();
    });
    return () => onReady(null);
  }, [queryEditor, variableEditor, onReady]);
  return null;
}

function SchemaNote({ source }: { source: SchemaSource }) {
  const { t, i18n } = useTranslation('explorer');
  if (source.failed) return <p className="banner banner-warning">{t('schema.failed', { message: source.failed })}</p>;
  if (!source.refused) return null;
  const refused = source.refused;
  const number = new Intl.NumberFormat(i18n.language);
  if ('kind' in refused && refused.kind === 'cost' && refused.estimated !== null && refused.allowed !== null) {
    return (
      <p className="banner banner-warning">
        {t('schema.refusedCost', { estimated: number.format(refused.estimated), allowed: number.format(refused.allowed) })}
      </p>
    );
  }
  const reason = 'kind' in refused ? t(`limit.${refused.kind}.name`) : `${refused.extensions?.code ?? ''} ${refused.message}`.trim();
  return <p className="banner banner-warning">{t('schema.refused', { reason })}</p>;
}

function Examples({ onPick }: { onPick: ((query: string) => void) | null }) {
  const { t } = useTranslation('explorer');
  const { t: common } = useTranslation();
  const ids = useId();
  return (
    <section className="explorer-examples" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('examples.title')}</h2>
      <p className="hint">{t('examples.hint')}</p>
      {EXAMPLES.length === 0 ? <p>{t('examples.none')}</p> : null}
      <ul>
        {EXAMPLES.map((example, i) => (
          <li key={example.name}>
            <button type="button" disabled={!onPick} aria-describedby={`${ids}-${i}`} onClick={() => onPick?.(example.query)}>
              {example.name}
            </button>
            <p id={`${ids}-${i}`} className="hint">
              {example.title}{' '}
              <span className="badge badge-muted">
                {t('examples.runAs', {
                  department: common(`department.${example.runAs.department}`, { defaultValue: example.runAs.department }),
                  role: common(`role.${example.runAs.role}`, { defaultValue: example.runAs.role }),
                })}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The query explorer: GraphiQL with the signed-in token, the README's examples, and the limits explained. */
export default function ExplorerPage() {
  const { t } = useTranslation('explorer');
  const { session, token } = useSession();
  const { t: common } = useTranslation();
  const [refusals, setRefusals] = useState<LimitRefusal[]>([]);
  const [signedOut, setSignedOut] = useState(false);
  const [put, setPut] = useState<((query: string) => void) | null>(null);
  const onReady = useCallback((next: ((query: string) => void) | null) => setPut(() => next), []);
  const tokenRef = useRef(token);
  tokenRef.current = token;

  const schema = useQuery({
    queryKey: ['explorer-schema', session?.claims.sub, session?.claims.roles.join(',')],
    queryFn: () => loadSchema(() => tokenRef.current()),
    staleTime: Infinity,
  });

  const fetcher = useMemo<Fetcher>(
    () => async (params) => {
      const answer = await post(params, () => tokenRef.current());
      // GraphiQL is given the schema, so it introspects nothing itself: every call here is an operation the user runs.
      setRefusals(limitRefusalsOf(answer.errors ?? []));
      setSignedOut(answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
      return answer as Awaited<ReturnType<Fetcher>>;
    },
    [],
  );

  return (
    <section aria-labelledby="explorer-title" className="explorer-page">
      <h1 id="explorer-title">{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      {schema.data ? <SchemaNote source={schema.data} /> : null}
      {signedOut ? (
        <p role="alert" className="banner banner-error">
          {common('error.unauthenticated')}
        </p>
      ) : null}
      <div className="explorer">
        <Examples onPick={put} />
        <div className="explorer-graphiql">
          {schema.data ? (
            <GraphiQL
              fetcher={fetcher}
              schema={schema.data.schema}
              storage={tabStorage}
              defaultQuery={t('defaultQuery')}
              forcedTheme="light"
              isHeadersEditorEnabled={false}
              shouldPersistHeaders={false}
            >
              <GraphiQL.Logo>
                <span className="explorer-logo">GraphiQL</span>
              </GraphiQL.Logo>
              <EditorBridge onReady={onReady} />
              <GraphiQL.Footer>
                <LimitPanel refusals={refusals} />
              </GraphiQL.Footer>
            </GraphiQL>
          ) : (
            <p aria-busy="true">{t('schema.loading')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
