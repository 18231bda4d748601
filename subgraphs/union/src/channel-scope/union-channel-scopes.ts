import { sqlScope, type ScopeImplementations } from '@labour/shared';

/** The disputes referred to the consumer over the channel: a REFERRAL notice sent over it carries their number. */
const REFERRED = `select n.dispute_no from notice n where n.channel_code = ? and n.kind = 'REFERRAL' and n.recipient = ? and n.dispute_no is not null`;

/**
 * The union's scope kinds (shared/src/channels/scope-catalogue.ts) in SQL: of the keys of the records
 * read in a request, which its channels grant their fields for. One statement per kind, channel and type
 * per request. The workers a case names (Party, @RecordHolds) are in scope with their case; a hardship-aid
 * recipient, whose record no kind covers, never is.
 */
export const UNION_CHANNEL_SCOPES: ScopeImplementations = {
  UNION_REFERRED_DISPUTES: {
    records: {
      LegalConsultation: sqlScope(
        'consultationNo',
        `select c.consultation_no as key from legal_consultation c where c.consultation_no = any(?::text[]) and c.dispute_no in (${REFERRED})`,
        ({ channel, consumer }) => [channel, consumer],
      ),
      MediationCase: sqlScope(
        'caseNo',
        `select m.case_no as key from mediation_case m where m.case_no = any(?::text[]) and m.dispute_no in (${REFERRED})`,
        ({ channel, consumer }) => [channel, consumer],
      ),
    },
  },
  UNION_OPEN_MEDIATION: {
    records: {
      MediationCase: sqlScope(
        'caseNo',
        `select m.case_no as key from mediation_case m where m.case_no = any(?::text[]) and m.status in ('APPLIED', 'MEDIATING')`,
      ),
    },
  },
};
