import { sqlScope, type ScopeImplementations } from '@labour/shared';

/**
 * The court's scope kinds (shared/src/channels/scope-catalogue.ts) in SQL: of the keys of the records
 * read in a request, which its channels grant their fields for; one statement per batch.
 */
export const COURT_CHANNEL_SCOPES: ScopeImplementations = {
  COURT_CURRENT_ENFORCEMENT: {
    records: {
      EnforcementCase: sqlScope(
        'caseNo',
        `select e.case_no as key from enforcement_case e where e.case_no = any(?::text[]) and (e.status = 'OPEN' or e.closed_on >= ?::date - 365)`,
        ({ today }) => [today],
      ),
    },
  },
  COURT_JUDGED_LAWSUITS: {
    records: {
      // Its plaintiffs (Party, nested by the lawsuit's record rule) are in scope with it; a sealed lawsuit stays sealed.
      Lawsuit: sqlScope('caseNo', `select l.case_no as key from lawsuit l where l.case_no = any(?::text[]) and l.judgment_on is not null`),
    },
  },
  COURT_SUGGESTIONS_TO_CONSUMER: {
    records: {
      JudicialSuggestion: sqlScope(
        'suggestionNo',
        `select s.suggestion_no as key from judicial_suggestion s where s.suggestion_no = any(?::text[]) and s.recipient_department = ?`,
        ({ consumer }) => [consumer],
      ),
    },
  },
};
