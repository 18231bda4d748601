import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorAt, type GraphQLErrorEntry } from '../graphql/client';
import { useGraphQL } from '../graphql/use-query';
import { Deadline } from '../ui/deadline';
import { FieldValue, GapFor, PersonalValue } from '../ui/gaps';
import { ErrorBanner, QueryState } from '../ui/query-state';
import { DisputeLink, Parties, useEnumLabel } from '../disputes/case-cells';
import { creditCodeProblem, looksLikeCreditCode } from './credit-code';
import { deadlineCell, DepartmentSection, statusWithOutcome } from './file-parts';
import { EnterpriseFile, LIST_LIMIT, type File } from './operations';
import { RecordList, type Column } from './RecordList';

/** The file's lists, by their field. */
type ListField = { [K in keyof File]-?: NonNullable<File[K]> extends ReadonlyArray<unknown> ? K : never }[keyof File];
type RowOf<K extends ListField> = NonNullable<File[K]> extends ReadonlyArray<infer Row> ? Row : never;

/** One enterprise across the four departments (一企一档): each department's records in its own section. */
export function EnterpriseFilePage() {
  const { creditCode = '' } = useParams();
  const { t } = useTranslation('enterprises');
  const code = creditCode.trim().toUpperCase();
  const problem = looksLikeCreditCode(code) ? creditCodeProblem(code) : 'form';
  // A code that cannot be one is named before anything is asked.
  const query = useGraphQL(EnterpriseFile, { creditCode: code }, { enabled: problem === null });
  return (
    <section aria-labelledby="enterprise-title">
      <p>
        <Link to="/enterprises">{t('file.back')}</Link>
      </p>
      {problem !== null ? (
        <>
          <h1 id="enterprise-title">{t('file.title')}</h1>
          <div role="alert" className="banner banner-error">
            {t(`code.${problem}`, { code })}
          </div>
        </>
      ) : (
        <QueryState query={query}>
          {({ data, errors }) => {
            const enterprise = data.enterprise;
            if (!enterprise) {
              const error = errorAt(errors, ['enterprise']);
              return (
                <>
                  <h1 id="enterprise-title">{t('file.title')}</h1>
                  {error ? (
                    error.extensions?.code === 'DEPARTMENT_UNAVAILABLE' || error.extensions?.code === 'DEPARTMENT_TIMEOUT' ? (
                      <p role="alert">
                        <GapFor error={error} />
                      </p>
                    ) : (
                      <ErrorBanner error={new Error(error.message)} />
                    )
                  ) : (
                    <p role="alert" className="banner banner-warning">
                      {t('file.notFound', { code })}
                    </p>
                  )}
                </>
              );
            }
            return <EnterpriseFileView enterprise={enterprise} errors={errors} />;
          }}
        </QueryState>
      )}
    </section>
  );
}

function EnterpriseFileView({ enterprise, errors }: { enterprise: File; errors: readonly GraphQLErrorEntry[] }) {
  const { t } = useTranslation('enterprises');
  const { t: common } = useTranslation();
  const label = useEnumLabel('enterprises');
  const at = (...path: Array<string | number>) => ['enterprise', ...path];
  const field = (value: string | number | null | undefined, ...path: Array<string | number>) => (
    <FieldValue value={value} path={at(...path)} errors={errors} />
  );
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const money = (value: string | null | undefined, ...path: Array<string | number>) =>
    value == null ? <FieldValue value={null} path={at(...path)} errors={errors} /> : <span className="money">¥{value}</span>;
  /** One of the file's lists under its heading (`<key>.title`), with the gap at its path when it is missing. */
  const list = <K extends ListField>(
    field: K,
    key: string,
    rowKey: (row: RowOf<K>) => string,
    columns: ReadonlyArray<Column<RowOf<K>>>,
  ) => (
    <RecordList
      id={key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}
      title={t(`${key}.title`)}
      rows={enterprise[field] as ReadonlyArray<RowOf<K>> | null | undefined}
      path={at(field)}
      errors={errors}
      limit={LIST_LIMIT}
      rowKey={rowKey}
      columns={columns}
    />
  );
  /** A case's number and its dispute's, first in every list of cases. */
  const caseColumns: ReadonlyArray<Column<{ caseNo: string; disputeNo: string }>> = [
    { header: t('caseNo'), cell: (r) => r.caseNo },
    { header: t('disputeNo'), cell: (r) => <DisputeLink disputeNo={r.disputeNo} /> },
  ];
  const deadlineColumn: Column<{ dueOn?: string | null; overdue: boolean }> = {
    header: t('deadline'),
    cell: (r) => deadlineCell(r.dueOn, r.overdue, t('noDeadline')),
  };

  return (
    <>
      <h1 id="enterprise-title">{enterprise.name ?? enterprise.creditCode}</h1>
      <p className="hint">
        {t('file.subtitle')} · {t('register.creditCode')} <span className="code">{enterprise.creditCode}</span>
      </p>

      <DepartmentSection department="HR_BUREAU" title={common('department.HR_BUREAU')}>
        <h3 id="records-register">{t('register.title')}</h3>
        <dl className="register">
          <dt>{t('register.creditCode')}</dt>
          <dd>{enterprise.creditCode}</dd>
          <dt>{t('register.name')}</dt>
          <dd>{field(enterprise.name, 'name')}</dd>
          <dt>{t('register.industry')}</dt>
          <dd>{field(enterprise.industry, 'industry')}</dd>
          <dt>{t('register.district')}</dt>
          <dd>{field(enterprise.district, 'district')}</dd>
          <dt>{t('register.address')}</dt>
          <dd>{field(enterprise.address, 'address')}</dd>
          <dt>{t('register.ownership')}</dt>
          <dd>{enterprise.ownership ? label('Ownership', enterprise.ownership) : field(null, 'ownership')}</dd>
          <dt>{t('register.employeeCount')}</dt>
          <dd>{field(enterprise.employeeCount, 'employeeCount')}</dd>
          <dt>{t('register.registeredOn')}</dt>
          <dd>{field(enterprise.registeredOn, 'registeredOn')}</dd>
        </dl>
        {list('wageArrearsAlerts', 'alerts', (a) => a.alertNo, [
          { header: t('alerts.alertNo'), cell: (a) => a.alertNo },
          { header: t('alerts.project'), cell: (a, i) => field(a.project, 'wageArrearsAlerts', i, 'project') },
          { header: t('alerts.level'), cell: (a) => <span className={`level level-${a.level}`}>{label('AlertLevel', a.level)}</span> },
          { header: t('alerts.amountOwed'), cell: (a, i) => money(a.amountOwed, 'wageArrearsAlerts', i, 'amountOwed') },
          { header: t('alerts.workersAffected'), cell: (a) => a.workersAffected },
          { header: t('alerts.raisedOn'), cell: (a) => a.raisedOn },
          {
            header: t('alerts.state'),
            cell: (a) =>
              a.open ? (
                <span className="badge badge-danger">{t('alerts.open')}</span>
              ) : (
                t('alerts.resolvedOn', { date: a.resolvedOn ?? '' })
              ),
          },
        ])}
        {list('layoffReports', 'layoffs', (r) => r.reportNo, [
          { header: t('layoffs.reportNo'), cell: (r) => r.reportNo },
          { header: t('layoffs.plannedCount'), cell: (r) => r.plannedCount },
          { header: t('layoffs.reportedOn'), cell: (r) => r.reportedOn },
          { header: t('layoffs.effectiveOn'), cell: (r) => r.effectiveOn },
          {
            header: t('layoffs.noticePeriod'),
            cell: (r) =>
              r.meetsNoticePeriod ? t('layoffs.noticeMet') : <span className="badge badge-danger">{t('layoffs.noticeMissed')}</span>,
          },
          { header: t('layoffs.placementPlan'), cell: (r, i) => field(r.placementPlan, 'layoffReports', i, 'placementPlan') },
        ])}
        {list('inspections', 'inspections', (r) => r.inspectionNo, [
          { header: t('inspections.inspectionNo'), cell: (r) => r.inspectionNo },
          { header: t('inspections.kind'), cell: (r) => label('InspectionKind', r.kind) },
          { header: t('inspections.inspectedOn'), cell: (r) => r.inspectedOn },
          { header: t('inspections.violationFound'), cell: (r) => yesNo(r.violationFound) },
          { header: t('inspections.status'), cell: (r) => label('InspectionStatus', r.status) },
          {
            header: t('inspections.rectificationDueOn'),
            cell: (r) =>
              r.status === 'RECTIFYING' ? (
                <Deadline dueOn={r.rectificationDueOn} overdue={r.overdue} />
              ) : (
                (r.rectificationDueOn ?? t('noDeadline'))
              ),
          },
        ])}
        {list('arbitrationCases', 'arbitration', (r) => r.caseNo, [
          ...caseColumns,
          { header: t('arbitration.applicants'), cell: (r) => <Parties parties={r.applicants} namespace="enterprises" /> },
          { header: t('arbitration.claimAmount'), cell: (r, i) => money(r.claimAmount, 'arbitrationCases', i, 'claimAmount') },
          { header: t('filedOn'), cell: (r) => r.filedOn },
          {
            header: t('status'),
            cell: (r) => statusWithOutcome(label('ArbitrationStatus', r.status), label('ArbitrationOutcome', r.outcome)),
          },
          {
            header: t('deadline'),
            cell: (r) =>
              deadlineCell(r.dueOn, r.overdue, t('noDeadline'), r.suitDueOn ? t('arbitration.suitDueOn', { date: r.suitDueOn }) : null),
          },
        ])}
      </DepartmentSection>

      <DepartmentSection department="UNION" title={common('department.UNION')}>
        <h3 id="records-union">{t('union.title')}</h3>
        {enterprise.unionOrganization ? (
          <dl className="register">
            <dt>{t('union.name')}</dt>
            <dd>{enterprise.unionOrganization.name}</dd>
            <dt>{t('union.kind')}</dt>
            <dd>{label('UnionKind', enterprise.unionOrganization.kind)}</dd>
            <dt>{t('union.memberCount')}</dt>
            <dd>{enterprise.unionOrganization.memberCount}</dd>
            <dt>{t('union.foundedOn')}</dt>
            <dd>{enterprise.unionOrganization.foundedOn}</dd>
            <dt>{t('union.chairName')}</dt>
            <dd>
              <PersonalValue value={enterprise.unionOrganization.chairName} />
            </dd>
          </dl>
        ) : errorAt(errors, at('unionOrganization')) ? (
          <p>
            <GapFor error={errorAt(errors, at('unionOrganization'))} />
          </p>
        ) : (
          <p className="badge badge-warning">{t('union.none')}</p>
        )}
        {list('collectiveContracts', 'contracts', (r) => r.contractNo, [
          { header: t('contracts.contractNo'), cell: (r) => r.contractNo },
          { header: t('contracts.kind'), cell: (r) => label('ContractKind', r.kind) },
          { header: t('contracts.effectiveOn'), cell: (r) => r.effectiveOn },
          { header: t('contracts.expiresOn'), cell: (r) => r.expiresOn },
          { header: t('contracts.coveredWorkers'), cell: (r) => r.coveredWorkers },
          {
            header: t('contracts.inForce'),
            cell: (r) =>
              r.inForce ? (
                <span className="badge badge-ok">{t('contracts.yes')}</span>
              ) : (
                <span className="badge badge-muted">{t('contracts.no')}</span>
              ),
          },
        ])}
        {list('mediationCases', 'mediation', (r) => r.caseNo, [
          ...caseColumns,
          { header: t('mediation.workers'), cell: (r) => <Parties parties={r.workers} namespace="enterprises" /> },
          { header: t('mediation.mediator'), cell: (r) => r.mediator },
          { header: t('appliedOn'), cell: (r) => r.appliedOn },
          {
            header: t('status'),
            cell: (r) => statusWithOutcome(label('MediationStatus', r.status), label('MediationOutcome', r.outcome)),
          },
          { header: t('deadline'), cell: (r) => deadlineCell(r.status === 'CLOSED' ? null : r.dueOn, r.overdue, t('noDeadline')) },
        ])}
        {list('hardshipAids', 'aid', (r) => r.aidNo, [
          { header: t('aid.aidNo'), cell: (r) => r.aidNo },
          { header: t('aid.recipient'), cell: (r) => <PersonalValue value={r.recipient.name} /> },
          { header: t('aid.kind'), cell: (r) => label('AidKind', r.kind) },
          { header: t('aid.amount'), cell: (r, i) => money(r.amount, 'hardshipAids', i, 'amount') },
          { header: t('aid.grantedOn'), cell: (r) => r.grantedOn },
        ])}
      </DepartmentSection>

      <DepartmentSection department="COURT" title={common('department.COURT')}>
        {list('lawsuits', 'lawsuits', (r) => r.caseNo, [
          ...caseColumns,
          {
            header: t('lawsuits.plaintiffs'),
            cell: (r) => (
              <>
                <Parties parties={r.plaintiffs} namespace="enterprises" />
                {r.sealed ? <span className="badge badge-muted"> {t('sealed')}</span> : null}
              </>
            ),
          },
          { header: t('lawsuits.cause'), cell: (r) => r.cause },
          { header: t('filedOn'), cell: (r) => r.filedOn },
          {
            header: t('status'),
            cell: (r) =>
              statusWithOutcome(
                label('LawsuitStage', r.stage),
                [label('LawsuitOutcome', r.outcome), r.judgmentOn ?? ''].filter(Boolean).join(' '),
              ),
          },
          deadlineColumn,
        ])}
        {list('enforcementCases', 'enforcement', (r) => r.caseNo, [
          ...caseColumns,
          { header: t('enforcement.amount'), cell: (r, i) => money(r.amount, 'enforcementCases', i, 'amount') },
          { header: t('enforcement.recovered'), cell: (r, i) => money(r.recoveredAmount, 'enforcementCases', i, 'recoveredAmount') },
          { header: t('filedOn'), cell: (r) => r.filedOn },
          { header: t('status'), cell: (r) => statusWithOutcome(label('EnforcementStatus', r.status), r.closedOn ?? '') },
          deadlineColumn,
        ])}
        {list('judicialConfirmations', 'confirmations', (r) => r.caseNo, [
          ...caseColumns,
          { header: t('appliedOn'), cell: (r) => r.appliedOn },
          { header: t('status'), cell: (r) => statusWithOutcome(label('ConfirmationStatus', r.status), r.decidedOn ?? '') },
          deadlineColumn,
        ])}
        {list('judicialSuggestions', 'suggestions', (r) => r.suggestionNo, [
          { header: t('suggestions.suggestionNo'), cell: (r) => r.suggestionNo },
          { header: t('suggestions.subject'), cell: (r, i) => field(r.subject, 'judicialSuggestions', i, 'subject') },
          { header: t('suggestions.recipient'), cell: (r) => common(`department.${r.recipientDepartment}`) },
          { header: t('suggestions.issuedOn'), cell: (r) => r.issuedOn },
          {
            header: t('suggestions.reply'),
            cell: (r) =>
              r.repliedOn ? t('suggestions.repliedOn', { date: r.repliedOn }) : <Deadline dueOn={r.dueOn} overdue={r.overdue} />,
          },
        ])}
      </DepartmentSection>

      <DepartmentSection department="JUSTICE" title={common('department.JUSTICE')}>
        {list('legalAidCases', 'legalAid', (r) => r.caseNo, [
          ...caseColumns,
          { header: t('legalAid.applicant'), cell: (r) => <PersonalValue value={r.applicant.name} /> },
          {
            header: t('legalAid.basis'),
            cell: (r, i) =>
              r.eligibilityBasis ? label('EligibilityBasis', r.eligibilityBasis) : field(null, 'legalAidCases', i, 'eligibilityBasis'),
          },
          { header: t('legalAid.lawyer'), cell: (r, i) => field(r.lawyer, 'legalAidCases', i, 'lawyer') },
          { header: t('appliedOn'), cell: (r) => r.appliedOn },
          { header: t('status'), cell: (r) => statusWithOutcome(label('LegalAidStatus', r.status), r.grantedOn ?? '') },
          {
            header: t('deadline'),
            cell: (r) => deadlineCell(r.status === 'APPLIED' ? r.decisionDueOn : null, r.overdue, t('noDeadline')),
          },
        ])}
        {list('peopleMediationCases', 'peopleMediation', (r) => r.caseNo, [
          ...caseColumns,
          { header: t('peopleMediation.parties'), cell: (r) => <Parties parties={r.parties} namespace="enterprises" /> },
          { header: t('peopleMediation.committee'), cell: (r) => r.committee.name },
          { header: t('appliedOn'), cell: (r) => r.appliedOn },
          {
            header: t('status'),
            cell: (r) => statusWithOutcome(label('PeopleMediationStatus', r.status), label('PeopleMediationOutcome', r.outcome)),
          },
          { header: t('deadline'), cell: (r) => deadlineCell(r.status === 'CLOSED' ? null : r.dueOn, r.overdue, t('noDeadline')) },
        ])}
      </DepartmentSection>
    </>
  );
}
