import { AccessLogEntry, BaseRecord, ProviderChannel, WitnessedLogHead } from '@labour/shared';
import { PeopleMediationCommittee } from './committee/people-mediation-committee.entity';
import { LegalAidCase } from './legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from './people-mediation/people-mediation-case.entity';

/** justice's tables; the first one tells whether the database is empty. */
export const JUSTICE_ENTITIES = [
  PeopleMediationCommittee,
  LegalAidCase,
  PeopleMediationCase,
  BaseRecord,
  AccessLogEntry,
  WitnessedLogHead,
  ProviderChannel,
];
