import { AccessLogEntry, BaseRecord } from '@labour/shared';
import { HardshipAid } from './aid/hardship-aid.entity';
import { SharingChannel } from './channel/sharing-channel.entity';
import { LegalConsultation } from './consultation/legal-consultation.entity';
import { CollectiveContract } from './contract/collective-contract.entity';
import { MediationCase } from './mediation/mediation-case.entity';
import { UnionOrganization } from './organization/union-organization.entity';

/** The union's tables; the first one tells whether the database is empty. */
export const UNION_ENTITIES = [UnionOrganization, MediationCase, CollectiveContract, HardshipAid, LegalConsultation, SharingChannel, BaseRecord, AccessLogEntry];
