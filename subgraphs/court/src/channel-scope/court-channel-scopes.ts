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
