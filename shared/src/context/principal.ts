/** The four departments (部门) that run a subgraph. */
export enum Department {
  HR_BUREAU = 'HR_BUREAU',
  UNION = 'UNION',
  COURT = 'COURT',
  JUSTICE = 'JUSTICE',
}

export enum Role {
  CASEWORKER = 'CASEWORKER',
  SERVICE = 'SERVICE',
  COORDINATOR = 'COORDINATOR',
  ANALYST = 'ANALYST',
  ADMIN = 'ADMIN',
  AUDITOR = 'AUDITOR',
}

/** Who is calling: taken from a verified token (claims `sub`, `name`, `department`, `roles`). */
export interface Principal {
  subject: string;
  name: string;
  department: Department;
  roles: readonly Role[];
}
