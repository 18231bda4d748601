import { AccessLogEntry, BaseRecord, ProviderChannel, WitnessedLogHead } from '@labour/shared';
import { JudicialConfirmation } from './confirmation/judicial-confirmation.entity';
import { EnforcementCase } from './enforcement/enforcement-case.entity';
import { Lawsuit } from './lawsuit/lawsuit.entity';
import { JudicialSuggestion } from './suggestion/judicial-suggestion.entity';

/** The court's tables; the first one tells whether the database is empty. */
export const COURT_ENTITIES = [
  Lawsuit,
  JudicialConfirmation,
  EnforcementCase,
  JudicialSuggestion,
  BaseRecord,
  AccessLogEntry,
  WitnessedLogHead,
  ProviderChannel,
];
