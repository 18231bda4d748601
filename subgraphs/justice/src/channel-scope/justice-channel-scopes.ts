import { sqlScope, type ScopeImplementations } from '@labour/shared';

/**
 * The justice bureau's scope kinds (shared/src/channels/scope-catalogue.ts) in SQL: of the keys of the
 * records read in a request, which its channels grant their fields for; one statement per batch.
 */
export const JUSTICE_CHANNEL_SCOPES: ScopeImplementations = {
  JUSTICE_UNION_DISPUTES: {
    records: {
      // The department that first received a dispute numbers it (LD-UN-… for the union), and a referral carries the number.
      LegalAidCase: sqlScope(
        'caseNo',
        `select c.case_no as key from legal_aid_case c where c.case_no = any(?::text[]) and c.dispute_no like 'LD-UN-%'`,
      ),
    },
  },
};
