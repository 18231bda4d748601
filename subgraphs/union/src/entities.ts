import { AccessLogEntry, BaseRecord, ProviderChannel, WitnessedLogHead } from '@labour/shared';
import { HardshipAid } from './aid/hardship-aid.entity';
import { SharingChannel } from './channel/sharing-channel.entity';
import { LegalConsultation } from './consultation/legal-consultation.entity';
import { CollectiveContract } from './contract/collective-contract.entity';
import { AgendaItem } from './meeting/agenda-item.entity';
import { Decision, FollowUp } from './meeting/decision.entity';
import { JointMeeting } from './meeting/joint-meeting.entity';
import { MediationCase } from './mediation/mediation-case.entity';
import { Notice } from './notice/notice.entity';
import { UnionOrganization } from './organization/union-organization.entity';

/** The union's tables; the first one tells whether the database is empty. */
export const UNION_ENTITIES = [
  UnionOrganization,
  MediationCase,
  CollectiveContract,
  HardshipAid,
  LegalConsultation,
  SharingChannel,
  Notice,
  JointMeeting,
  AgendaItem,
  Decision,
  FollowUp,
  BaseRecord,
  AccessLogEntry,
  WitnessedLogHead,
  ProviderChannel,
];
