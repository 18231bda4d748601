import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, type GraphQLErrorEntry } from '../graphql/client';
import type { JointMeetingViewQuery } from '../graphql/generated/graphql';
import { Deadline } from '../ui/deadline';
import { FieldValue, GapFor } from '../ui/gaps';

type Meeting = NonNullable<JointMeetingViewQuery['jointMeeting']>;
export type AgendaItemView = Meeting['agenda'][number];
type Enterprise = NonNullable<AgendaItemView['enterprise']>;
type Dispute = NonNullable<AgendaItemView['dispute']>;
type Path = ReadonlyArray<string | number>;

const DEPARTMENTS = ['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'] as const;
type Dept = (typeof DEPARTMENTS)[number];

/** One record of a department about the item's subject: a case, a warning, a report, a notice. */
interface Row {
  id: string;
  status?: string;
  dueOn?: string | null;
  overdue?: boolean | null;
  details: Array<{ label: string; value: string | number | null | undefined; path: Path; personal?: boolean }>;
}

/** The records of one kind (the department's field of the enterprise or dispute); null when the field is null. */
interface Group {
  dept: Dept;
  field: string;
  rows: Row[] | null;
}

type Answer = { errors: readonly GraphQLErrorEntry[]; missingDepartments: readonly string[] };

/** Why a department's field is null: the error at its path, else the department missing from the answer. */
function gapError(answer: Answer, path: Path, dept: Dept): GraphQLErrorEntry | undefined {
  const error = errorAt(answer.errors, path);
  if (error) return error;
  if (answer.missingDepartments.includes(dept)) return { message: '', extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: dept } };
  return undefined;
}

function groups(subject: Enterprise | Dispute, base: Path, t: (key: string) => string): Group[] {
  const list = <T,>(dept: Dept, field: string, value: readonly T[] | null | undefined, row: (r: T, path: Path) => Row): Group => ({
    dept,
    field,
    rows: value == null ? null : value.map((r, i) => row(r, [...base, field, i])),
  });
  const status = (kind: string, value: string) => t(`value.${kind}.${value}`);
  const result: Group[] = [];
  const e = 'name' in subject ? (subject as Enterprise) : null;
  if (e) {
    result.push(
      list('HR_BUREAU', 'wageArrearsAlerts', e.wageArrearsAlerts, (r, p) => ({
        id: r.alertNo,
        status: `${status('alertLevel', r.level)} · ${t(r.open ? 'field.open' : 'field.resolved')}`,
        details: [
          { label: t('field.project'), value: r.project, path: [...p, 'project'] },
          { label: t('field.amountOwed'), value: r.amountOwed, path: [...p, 'amountOwed'] },
          { label: t('field.workersAffected'), value: r.workersAffected, path: [...p, 'workersAffected'] },
        ],
      })),
      list('HR_BUREAU', 'inspections', e.inspections, (r) => ({
        id: r.inspectionNo,
        status: status('inspection', r.status),
        dueOn: r.status === 'CLOSED' ? null : r.rectificationDueOn,
        overdue: r.overdue,
        details: [],
      })),
      list('HR_BUREAU', 'layoffReports', e.layoffReports, (r, p) => ({
        id: r.reportNo,
        details: [
          { label: t('field.plannedCount'), value: r.plannedCount, path: [...p, 'plannedCount'] },
          { label: t('field.effectiveOn'), value: r.effectiveOn, path: [...p, 'effectiveOn'] },
          { label: t('field.placementPlan'), value: r.placementPlan, path: [...p, 'placementPlan'] },
        ],
      })),
    );
  }
  const arbitration = list('HR_BUREAU', 'arbitrationCases', subject.arbitrationCases, (r, p) => ({
    id: r.caseNo,
    status: status('arbitration', r.status),
    dueOn: r.dueOn,
    overdue: r.overdue,
    details: [{ label: t('field.claimAmount'), value: r.claimAmount, path: [...p, 'claimAmount'] }],
  }));
  result.push(arbitration);
  if (e) {
    result.push({
      dept: 'UNION',
      field: 'unionOrganization',
      rows: [{ id: e.unionOrganization?.name ?? t('field.noUnion'), details: [] }],
    });
    result.push(
      list('UNION', 'collectiveContracts', e.collectiveContracts, (r) => ({
        id: t(`value.contract.${r.kind}`),
        status: t(r.inForce ? 'field.inForce' : 'field.notInForce'),
        details: [{ label: t('field.expiresOn'), value: r.expiresOn, path: [] }],
      })),
    );
  }
  result.push(
    list('UNION', 'mediationCases', subject.mediationCases, (r, p) => ({
      id: r.caseNo,
      status: status('mediation', r.status),
      dueOn: r.status === 'CLOSED' ? null : r.dueOn,
      overdue: r.overdue,
      details: [{ label: t('field.mediator'), value: r.mediator, path: [...p, 'mediator'], personal: true }],
    })),
    list('COURT', 'lawsuits', subject.lawsuits, (r) => ({
      id: r.caseNo,
      status: status('lawsuit', r.stage),
      dueOn: r.dueOn,
      overdue: r.overdue,
      details: [],
    })),
    list('COURT', 'enforcementCases', subject.enforcementCases, (r, p) => ({
      id: r.caseNo,
      status: status('enforcement', r.status),
      dueOn: r.dueOn,
      overdue: r.overdue,
      details: [
        { label: t('field.amount'), value: r.amount, path: [...p, 'amount'] },
        { label: t('field.recoveredAmount'), value: r.recoveredAmount, path: [...p, 'recoveredAmount'] },
      ],
    })),
    list('JUSTICE', 'legalAidCases', subject.legalAidCases, (r, p) => ({
      id: r.caseNo,
      status: status('legalAid', r.status),
      dueOn: r.status === 'APPLIED' ? r.decisionDueOn : null,
      overdue: r.overdue,
      details: [{ label: t('field.lawyer'), value: r.lawyer, path: [...p, 'lawyer'], personal: true }],
    })),
    list('JUSTICE', 'peopleMediationCases', subject.peopleMediationCases, (r) => ({
      id: r.caseNo,
      status: status('mediation', r.status),
      dueOn: r.status === 'CLOSED' ? null : r.dueOn,
      overdue: r.overdue,
      details: [],
    })),
  );
  return result;
}

function RowView({ row, answer }: { row: Row; answer: Answer }) {
  return (
    <li>
      <span className="record-id">{row.id}</span>
      {row.status ? <span className="record-status"> · {row.status}</span> : null}
      {row.dueOn ? (
        <>
          {' '}
          <Deadline dueOn={row.dueOn} overdue={row.overdue} />
        </>
      ) : null}
      {row.details.length > 0 ? (
        <dl className="record-details">
          {row.details.map((d) => (
            <div key={d.label}>
              <dt>{d.label}</dt>
              <dd>
                <FieldValue value={d.value} path={d.path} errors={answer.errors} personal={d.personal} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

function GroupView({ group, answer, base }: { group: Group; answer: Answer; base: Path }) {
  const { t } = useTranslation('meetings');
  const { t: common } = useTranslation();
  const path = [...base, group.field];
  let body: ReactNode;
  if (group.rows == null) body = <GapFor error={gapError(answer, path, group.dept)} />;
  else if (group.rows.length === 0) body = <span className="gap">{common('gap.none')}</span>;
  else
    body = (
      <ul className="records">
        {group.rows.map((row, i) => (
          <RowView key={`${row.id}-${i}`} row={row} answer={answer} />
        ))}
      </ul>
    );
  return (
    <div className="record-group" data-field={group.field}>
      <h5>{t(`group.${group.field}`)}</h5>
      {body}
    </div>
  );
}

type Notice = NonNullable<Enterprise['notices']>[number];

function NoticesView({
  notices,
  dept,
  answer,
  path,
}: {
  notices: readonly Notice[] | null | undefined;
  dept: Dept;
  answer: Answer;
  path: Path;
}) {
  const { t } = useTranslation('meetings');
  const { t: common } = useTranslation();
  if (notices == null)
    return (
      <div className="record-group" data-field="notices">
        <h5>{t('group.notices')}</h5>
        <GapFor error={gapError(answer, path, 'UNION')} />
      </div>
    );
  const sent = notices.filter((n) => n.sender === dept);
  if (sent.length === 0) return null;
  return (
    <div className="record-group" data-field="notices">
      <h5>{t('group.notices')}</h5>
      <ul className="records">
        {sent.map((n, i) => (
          <li key={i}>
            <span className="record-id">
              {t(`value.noticeKind.${n.kind}`)} → {common(`department.${n.recipient}`)}
            </span>
            <span className="record-status">
              {' '}
              · {t(`value.severity.${n.severity}`)} · {t(`value.notice.${n.status}`)}
            </span>{' '}
            <Deadline dueOn={n.dueOn} overdue={n.overdue} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * An agenda item as one merged card: its subject, then per department what that department knows of it,
 * each gap shown for what it is (masked, not shared with the caller, department unavailable).
 */
export function AgendaCard({ item, index, answer, actions }: { item: AgendaItemView; index: number; answer: Answer; actions?: ReactNode }) {
  const { t } = useTranslation('meetings');
  const { t: common } = useTranslation();
  const subjectField = item.subjectKind === 'ENTERPRISE' ? 'enterprise' : item.subjectKind === 'DISPUTE' ? 'dispute' : null;
  const base: Path = ['jointMeeting', 'agenda', index];
  const subject = item.enterprise ?? item.dispute ?? null;
  const subjectPath = subjectField ? [...base, subjectField] : base;
  const titleId = `agenda-${item.id}`;
  let title: ReactNode;
  if (item.subjectKind === 'ENTERPRISE') {
    title = (
      <>
        {item.enterprise?.name ?? <FieldValue value={null} path={[...subjectPath, 'name']} errors={answer.errors} />}{' '}
        <span className="hint">{item.enterpriseCreditCode}</span>
      </>
    );
  } else if (item.subjectKind === 'DISPUTE') {
    title = (
      <>
        {t('agenda.dispute')} {item.disputeNo}
      </>
    );
  } else title = item.topic;
  const all = subject ? groups(subject, subjectPath, t) : [];
  return (
    <article
      className="card agenda-card"
      aria-labelledby={titleId}
      data-agenda-item={item.id}
      data-subject={item.enterpriseCreditCode ?? item.disputeNo ?? ''}
    >
      <h3 id={titleId}>
        {t('agenda.position', { position: item.position })}
        {title}
      </h3>
      <p className="hint">
        {t('agenda.raisedBy', { department: common(`department.${item.raisedBy}`) })}
        {item.enterprise?.district ? ` · ${item.enterprise.district}` : null}
        {item.enterprise?.employeeCount != null ? ` · ${t('agenda.employees', { count: item.enterprise.employeeCount })}` : null}
      </p>
      <p>
        <strong>{t('agenda.reason')}</strong> <FieldValue value={item.reason} path={[...base, 'reason']} errors={answer.errors} />
      </p>
      {subjectField && !subject ? (
        <p>
          <GapFor error={errorAt(answer.errors, subjectPath) ?? gapError(answer, subjectPath, 'HR_BUREAU')} />
        </p>
      ) : null}
      {subject ? (
        <div className="cards dept-cards">
          {DEPARTMENTS.map((dept) => (
            <section key={dept} className="dept-card" data-department={dept} aria-labelledby={`${titleId}-${dept}`}>
              <h4 id={`${titleId}-${dept}`}>{common(`department.${dept}`)}</h4>
              {all
                .filter((g) => g.dept === dept)
                .map((g) => (
                  <GroupView key={g.field} group={g} answer={answer} base={subjectPath} />
                ))}
              <NoticesView notices={subject.notices} dept={dept} answer={answer} path={[...subjectPath, 'notices']} />
            </section>
          ))}
        </div>
      ) : null}
      {actions}
    </article>
  );
}
