import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonalValue } from '../ui/gaps';

/** The first names of a case's parties (each shown masked when it came masked), then how many there are in all. */
export function Parties({
  parties,
  namespace,
  shown = 3,
}: {
  parties: ReadonlyArray<{ name: string }>;
  namespace: string;
  shown?: number;
}) {
  const { t } = useTranslation(namespace);
  const names = (
    <>
      {parties.slice(0, shown).map((party, i) => (
        <Fragment key={i}>
          {i > 0 ? '、' : null}
          <PersonalValue value={party.name} />
        </Fragment>
      ))}
    </>
  );
  if (parties.length <= shown) return names;
  return (
    <>
      {names} {t('partiesMore', { count: parties.length })}
    </>
  );
}

/** A dispute number, linking to the dispute's timeline across the four departments. */
export function DisputeLink({ disputeNo }: { disputeNo: string }) {
  return (
    <Link to={`/disputes/${encodeURIComponent(disputeNo)}`} data-dispute={disputeNo}>
      {disputeNo}
    </Link>
  );
}

/** An enum value's label from the case messages (`ArbitrationStatus.ACCEPTED` → 已受理); the value itself when unknown. */
export function useEnumLabel(namespace: string) {
  const { t } = useTranslation(namespace);
  return (type: string, value: string | null | undefined): string => (value ? t(`${type}.${value}`, { defaultValue: value }) : '');
}
