import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../graphql/generated';
import { useGraphQL } from '../graphql/use-query';
import { FieldValue } from '../ui/gaps';
import { QueryState } from '../ui/query-state';
import { SearchField } from '../ui/search-field';
import { creditCodeProblem, looksLikeCreditCode } from './credit-code';

const PAGE_SIZE = 20;

const EnterpriseSearch = graphql(`
  query EnterpriseSearch($name: String, $district: String, $first: Int!, $after: String) {
    enterprises(name: $name, district: $district, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        creditCode
        name
        industry
        district
        employeeCount
      }
    }
  }
`);

/**
 * The enterprise file's search (一企一档): by name (any part of it) and district, a page at a time; a
 * unified social credit code goes straight to that enterprise's file, once its check character is right.
 */
export function EnterpriseSearchPage() {
  const { t } = useTranslation('enterprises');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const name = params.get('name') ?? '';
  const district = params.get('district') ?? '';
  const [text, setText] = useState(name);
  const [districtText, setDistrictText] = useState(district);
  const [problem, setProblem] = useState<string | null>(null);
  // Cursors of the pages before the current one, so that "previous" needs no backward paging from the API.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const query = useGraphQL(EnterpriseSearch, { name: name || null, district: district || null, first: PAGE_SIZE, after });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    const asCode = value.toUpperCase();
    setProblem(null);
    if (looksLikeCreditCode(asCode)) {
      const wrong = creditCodeProblem(asCode);
      if (wrong) {
        setProblem(t(`code.${wrong}`, { code: asCode }));
        return;
      }
      void navigate(`/enterprises/${asCode}`);
      return;
    }
    setCursors([null]);
    const next = new URLSearchParams();
    if (value) next.set('name', value);
    if (districtText.trim()) next.set('district', districtText.trim());
    setParams(next);
  }

  return (
    <section aria-labelledby="enterprises-title">
      <h1 id="enterprises-title">{t('search.title')}</h1>
      <form className="search-form" role="search" aria-label={t('search.title')} onSubmit={submit}>
        <SearchField
          id="enterprise-search"
          label={t('search.label')}
          hint={t('search.hint')}
          invalid={problem !== null}
          input={{ type: 'search', value: text, onChange: (e) => setText(e.target.value) }}
        />
        <div>
          <label htmlFor="enterprise-district">{t('search.district')}</label>
          <input id="enterprise-district" type="text" value={districtText} onChange={(e) => setDistrictText(e.target.value)} />
        </div>
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
      </form>
      {problem ? (
        <div role="alert" id="enterprise-search-error" className="banner banner-error">
          {problem}
        </div>
      ) : null}
      <QueryState query={query}>
        {({ data, errors }) => {
          const page = data.enterprises;
          return (
            <>
              <p role="status">{t('search.found', { count: page.totalCount })}</p>
              {page.nodes.length > 0 ? (
                <table aria-labelledby="enterprises-title">
                  <thead>
                    <tr>
                      <th scope="col">{t('register.name')}</th>
                      <th scope="col">{t('register.creditCode')}</th>
                      <th scope="col">{t('register.district')}</th>
                      <th scope="col">{t('register.industry')}</th>
                      <th scope="col">{t('register.employeeCount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.nodes.map((enterprise, i) => (
                      <tr key={enterprise.creditCode}>
                        <td>
                          <Link to={`/enterprises/${enterprise.creditCode}`}>{enterprise.name ?? enterprise.creditCode}</Link>
                        </td>
                        <td className="code">{enterprise.creditCode}</td>
                        <td>
                          <FieldValue value={enterprise.district} path={['enterprises', 'nodes', i, 'district']} errors={errors} />
                        </td>
                        <td>
                          <FieldValue value={enterprise.industry} path={['enterprises', 'nodes', i, 'industry']} errors={errors} />
                        </td>
                        <td>
                          <FieldValue
                            value={enterprise.employeeCount}
                            path={['enterprises', 'nodes', i, 'employeeCount']}
                            errors={errors}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              <div className="row pager">
                <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {t('search.previous')}
                </button>
                <button
                  type="button"
                  disabled={!page.pageInfo.hasNextPage}
                  onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor ?? null])}
                >
                  {t('search.next')}
                </button>
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
