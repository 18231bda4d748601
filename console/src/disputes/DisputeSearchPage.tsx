import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SearchField } from '../ui/search-field';
import { DISPUTE_NO_EXAMPLE, isDisputeNo, normaliseDisputeNo } from './dispute-number';

/** The error naming the dispute-number rule, for a number that breaks it. */
export function DisputeNumberRule({ value, id }: { value: string; id?: string }) {
  const { t } = useTranslation('disputes');
  return (
    <div role="alert" id={id} className="banner banner-error" data-rule="dispute-number">
      {value ? t('rule.malformed', { value, example: DISPUTE_NO_EXAMPLE }) : t('rule.empty', { example: DISPUTE_NO_EXAMPLE })}
    </div>
  );
}

/** A dispute number to open: checked for form here, so a malformed one never reaches the gateway. */
export function DisputeNumberForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation('disputes');
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const [wrong, setWrong] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const disputeNo = normaliseDisputeNo(text);
    if (!isDisputeNo(disputeNo)) {
      setWrong(disputeNo);
      return;
    }
    setWrong(null);
    void navigate(`/disputes/${encodeURIComponent(disputeNo)}`);
  }

  return (
    <form className="search-form" role="search" aria-label={t('search.title')} onSubmit={submit} noValidate>
      <SearchField
        id="dispute-no"
        label={t('search.label')}
        hint={t('search.hint', { example: DISPUTE_NO_EXAMPLE })}
        invalid={wrong !== null}
        input={{ type: 'text', value: text, onChange: (e) => setText(e.target.value), autoComplete: 'off', spellCheck: false }}
      />
      <button type="submit" className="primary">
        {t('search.submit')}
      </button>
      {wrong !== null ? <DisputeNumberRule value={wrong} id="dispute-no-error" /> : null}
    </form>
  );
}

/** 调裁审援: open one dispute's timeline across the departments by its number. */
export function DisputeSearchPage() {
  const { t } = useTranslation('disputes');
  return (
    <section aria-labelledby="disputes-title">
      <h1 id="disputes-title">{t('search.title')}</h1>
      <p>{t('search.intro')}</p>
      <DisputeNumberForm />
    </section>
  );
}
