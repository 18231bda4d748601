import { sqlScope, type ScopeImplementations } from '@labour/shared';

/**
 * The labour bureau's scope kinds (shared/src/channels/scope-catalogue.ts) in SQL: of the keys of the
 * records read in a request, which its channels grant their fields for. One statement per kind, channel
 * and type per request, however many records (the permission layer batches them).
 */
export const HR_CHANNEL_SCOPES: ScopeImplementations = {
  HR_OPEN_WAGE_ARREARS: {
    records: {
      // A warning not yet settled.
      WageArrearsAlert: sqlScope(
        'alertNo',
        `select a.alert_no as key from wage_arrears_alert a where a.alert_no = any(?::text[]) and a.resolved_on is null`,
      ),
      // A worker whose employer has such a warning: not the register's other workers.
      Worker: sqlScope(
        'personRef',
        `select w.person_ref as key from worker w
          where w.person_ref = any(?::text[])
            and exists (select 1 from wage_arrears_alert a where a.enterprise_id = w.employer_id and a.resolved_on is null)`,
      ),
    },
  },
  HR_CURRENT_LAYOFFS: {
    records: {
      LayoffReport: sqlScope(
        'reportNo',
        `select r.report_no as key from layoff_report r where r.report_no = any(?::text[]) and r.effective_on >= ?::date - 365`,
        ({ today }) => [today],
      ),
    },
  },
  HR_PUBLISHED_FIGURES: {
    records: {
      // A figure is an aggregate of the whole zone or a district, published disclosure-controlled to
      // everyone outside the bureau's staff (shared/src/indicators): every period and district is in scope.
      Indicators: { key: 'period', inScope: async (keys) => keys },
    },
  },
  HR_ENDED_ARBITRATION: {
    records: {
      // Its applicants (Party, @RecordHolds on ArbitrationCase) are in scope with the case.
      ArbitrationCase: sqlScope(
        'caseNo',
        `select c.case_no as key from arbitration_case c where c.case_no = any(?::text[]) and c.status in ('CLOSED', 'DECLINED')`,
      ),
    },
  },
};
