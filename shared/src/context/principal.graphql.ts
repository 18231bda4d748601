import { registerEnumType } from 'type-graphql';
import { Department, Role } from './principal';

// The principal's enums as GraphQL enums, registered once here for every type that shows them
// (access-log entries, sharing channels). Registering the same enum again elsewhere is not needed.
registerEnumType(Department, {
  name: 'Department',
  description: 'A department that runs a subgraph (部门).',
  valuesConfig: {
    HR_BUREAU: { description: 'Human Resources and Social Security Bureau (人社局)' },
    UNION: { description: 'Federation of Trade Unions (总工会)' },
    COURT: { description: "People's Court (法院)" },
    JUSTICE: { description: 'Justice Bureau (司法局)' },
  },
});

registerEnumType(Role, {
  name: 'Role',
  description: 'What a caller may do within its department, from its token.',
  valuesConfig: {
    CASEWORKER: { description: "Reads and writes its own department's records (经办人)" },
    SERVICE: { description: "A department's own system calling its subgraph" },
    COORDINATOR: { description: 'Plans the joint meetings and reads the merged view (联席会议协调人)' },
    ANALYST: { description: 'Reads indicators and masked data, writes nothing (分析人员)' },
    ADMIN: { description: "Manages its department's outgoing sharing channels and reads its access log (管理员)" },
    AUDITOR: { description: "Reads its department's access log and the log heads the departments witnessed, writes nothing (审计员)" },
  },
});
