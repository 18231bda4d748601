import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGraphQL } from '../graphql/use-query';
import { ErrorBanner } from '../ui/query-state';
import { FindDispute, FindEnterprise, FindEnterprises } from './operations';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Finds an enterprise by name or credit code, and shows what it found to pick from. */
export function EnterpriseSearch({ onPick }: { onPick: (creditCode: string, label: string) => void }) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const byCode = CREDIT_CODE.test(term);
  const byName = useGraphQL(FindEnterprises, { name: term }, { enabled: term !== '' && !byCode });
  const one = useGraphQL(FindEnterprise, { creditCode: term }, { enabled: byCode });
  const found = byCode ? (one.data?.data?.enterprise ? [one.data.data.enterprise] : []) : (byName.data?.data?.enterprises.nodes ?? []);
  const query = byCode ? one : byName;
  return (
    <div>
      <label htmlFor={`${id}-q`}>{t('add.search')}</label>
      <div className="row">
        <input
          id={`${id}-q`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setTerm(text.trim());
            }
          }}
        />
        <button type="button" onClick={() => setTerm(text.trim())}>
          {t('add.find')}
        </button>
      </div>
      {term && query.isError ? <ErrorBanner error={query.error} /> : null}
      {term && query.isSuccess ? (
        found.length === 0 ? (
          <p className="gap">{t('add.noneFound', { term })}</p>
        ) : (
          <ul className="search-results">
            {found.map((e) => (
              <li key={e.creditCode}>
                <button type="button" onClick={() => onPick(e.creditCode, `${e.name ?? ''} ${e.creditCode}`)}>
                  {t('add.pick', { name: e.name ?? e.creditCode })}
                </button>{' '}
                <span className="hint">
                  {e.creditCode} {e.district}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

/** Looks a dispute up by its number, and shows the cases that carry it. */
export function DisputeSearch({ onPick }: { onPick: (disputeNo: string) => void }) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const query = useGraphQL(FindDispute, { disputeNo: term }, { enabled: term !== '' });
  const dispute = query.data?.data?.dispute;
  const cases = dispute
    ? [...(dispute.mediationCases ?? []), ...(dispute.arbitrationCases ?? []), ...(dispute.lawsuits ?? [])].map((c) => c.caseNo)
    : [];
  return (
    <div>
      <label htmlFor={`${id}-q`}>{t('add.disputeNo')}</label>
      <div className="row">
        <input id={`${id}-q`} value={text} placeholder="LD-UN-2026-000123" onChange={(e) => setText(e.target.value)} />
        <button type="button" onClick={() => setTerm(text.trim())}>
          {t('add.find')}
        </button>
      </div>
      {term && query.isError ? <ErrorBanner error={query.error} /> : null}
      {term && dispute ? (
        <p>
          {cases.length ? cases.join('、') : t('add.noCases')}{' '}
          <button type="button" onClick={() => onPick(dispute.disputeNo)}>
            {t('add.pickDispute', { disputeNo: dispute.disputeNo })}
          </button>
        </p>
      ) : null}
    </div>
  );
}
