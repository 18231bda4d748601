import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { graphql } from '../graphql/generated';
import type { Department, NoticeKind, NoticeSeverity } from '../graphql/generated/graphql';
import { useGraphQL, useGraphQLMutation } from '../graphql/use-query';
import { describeMutationError } from '../ui/mutation-error';
import { QueryState } from '../ui/query-state';
import { WRITING_ROLES } from './notice-parts';

const OwnChannels = graphql(`
  query OwnActiveChannels($own: Department!) {
    sharingChannels(provider: $own, status: ACTIVE, first: 1000) {
      code
      consumers
      purpose
      inForce
    }
  }
`);

const Send = graphql(`
  mutation SendNotice($input: SendNoticeInput!) {
    sendNotice(input: $input) {
      id
      dueOn
    }
  }
`);

const KINDS: readonly NoticeKind[] = ['WAGE_ARREARS', 'LAYOFF', 'REFERRAL', 'JUDICIAL_SUGGESTION', 'HAZARD'];
const SEVERITIES: readonly NoticeSeverity[] = ['MAJOR', 'ROUTINE'];
const SUBJECTS = ['enterprise', 'dispute', 'worker'] as const;
type SubjectKind = (typeof SUBJECTS)[number];
const SUBJECT_FIELD = { enterprise: 'enterpriseCreditCode', dispute: 'disputeNo', worker: 'personRef' } as const;

/** A key that stays the same for this form until it has sent: a retry or a second click gets the first notice back. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return `console-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** 发送通报: over an active channel the caller's department provides, to one of its consumers, due T+2. */
export function SendNoticePage() {
  const { t } = useTranslation('notices');
  const { t: common } = useTranslation();
  const { session, hasRole } = useSession();
  const navigate = useNavigate();
  const ids = useId();
  const own = (session?.claims.department ?? 'UNION') as Department;
  const channels = useGraphQL(OwnChannels, { own });
  const send = useGraphQLMutation(Send);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const [channelCode, setChannelCode] = useState('');
  const [recipient, setRecipient] = useState<Department | ''>('');
  const [kind, setKind] = useState<NoticeKind>('WAGE_ARREARS');
  const [severity, setSeverity] = useState<NoticeSeverity>('MAJOR');
  const [subjectKind, setSubjectKind] = useState<SubjectKind>('enterprise');
  const [subject, setSubject] = useState('');
  const [summary, setSummary] = useState('');

  const usable = (channels.data?.data?.sharingChannels ?? []).filter((c) => c.inForce);
  const channel = usable.find((c) => c.code === channelCode);
  useEffect(() => {
    if (!channel && usable.length > 0) setChannelCode(usable[0]!.code);
  }, [channel, usable]);
  useEffect(() => {
    if (channel && !channel.consumers.includes(recipient as Department)) setRecipient(channel.consumers[0] ?? '');
  }, [channel, recipient]);

  if (!hasRole(...WRITING_ROLES)) {
    return (
      <section aria-labelledby="send-title">
        <h1 id="send-title">{t('form.title')}</h1>
        <p>{t('form.writersOnly')}</p>
      </section>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // One notice per form, however often it is clicked: the button is disabled at once and the key is kept.
    if (inFlight.current || !channel || !recipient) return;
    inFlight.current = true;
    setPending(true);
    send.mutate(
      {
        input: {
          idempotencyKey,
          channelCode: channel.code,
          recipient,
          kind,
          severity,
          [SUBJECT_FIELD[subjectKind]]: subject.trim(),
          summary: summary.trim(),
        },
      },
      {
        onSuccess: (answer) => {
          const sent = answer.data?.sendNotice;
          if (sent) navigate(`/notices/${sent.id}`, { state: { sent: t('form.sent', { dueOn: sent.dueOn }) } });
        },
        onSettled: () => {
          inFlight.current = false;
          setPending(false);
        },
      },
    );
  }

  return (
    <section aria-labelledby="send-title">
      <p>
        <Link to="/notices?box=outbox">{t('detail.back')}</Link>
      </p>
      <h1 id="send-title">{t('form.title')}</h1>
      <p className="hint">{t('intro')}</p>
      <QueryState query={channels}>
        {() =>
          usable.length === 0 ? (
            <p role="status">{t('form.noChannel')}</p>
          ) : (
            <form onSubmit={submit} className="send-notice" aria-labelledby="send-title">
              {send.isError ? (
                <div role="alert" className="banner banner-error">
                  {describeMutationError(send.error, t)}
                </div>
              ) : null}
              <label htmlFor={`${ids}-channel`}>{t('form.channel')}</label>
              <select id={`${ids}-channel`} value={channelCode} onChange={(e) => setChannelCode(e.target.value)} required>
                {usable.map((c) => (
                  <option key={c.code} value={c.code}>
                    {t('form.channelOption', { code: c.code, purpose: c.purpose })}
                  </option>
                ))}
              </select>
              <label htmlFor={`${ids}-recipient`}>{t('form.recipient')}</label>
              <select id={`${ids}-recipient`} value={recipient} onChange={(e) => setRecipient(e.target.value as Department)} required>
                {(channel?.consumers ?? []).map((d) => (
                  <option key={d} value={d}>
                    {common(`department.${d}`)}
                  </option>
                ))}
              </select>
              <label htmlFor={`${ids}-kind`}>{t('kind')}</label>
              <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as NoticeKind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
              <fieldset>
                <legend>{t('severity')}</legend>
                {SEVERITIES.map((s) => (
                  <label key={s} className="inline">
                    <input type="radio" name={`${ids}-severity`} value={s} checked={severity === s} onChange={() => setSeverity(s)} />
                    {t(`severity.${s}`)}
                  </label>
                ))}
              </fieldset>
              <label htmlFor={`${ids}-subject-kind`}>{t('form.subjectKind')}</label>
              <select id={`${ids}-subject-kind`} value={subjectKind} onChange={(e) => setSubjectKind(e.target.value as SubjectKind)}>
                {SUBJECTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`subject.${s}`)}
                  </option>
                ))}
              </select>
              {kind === 'REFERRAL' && subjectKind !== 'dispute' ? <p className="hint">{t('form.referralNeedsDispute')}</p> : null}
              <label htmlFor={`${ids}-subject`}>{t(`form.${SUBJECT_FIELD[subjectKind]}`)}</label>
              <input id={`${ids}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} required autoComplete="off" />
              <label htmlFor={`${ids}-summary`}>{t('summary')}</label>
              <textarea
                id={`${ids}-summary`}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
                required
                maxLength={4000}
                rows={5}
              />
              <button type="submit" className="primary" disabled={pending}>
                {pending ? t('form.sending') : t('form.send')}
              </button>
            </form>
          )
        }
      </QueryState>
    </section>
  );
}
