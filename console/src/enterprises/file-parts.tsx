import type { ReactNode } from 'react';
import { Deadline } from '../ui/deadline';

/** One department's part of the file, under its name as it uses it. */
export function DepartmentSection({ department, title, children }: { department: string; title: string; children: ReactNode }) {
  return (
    <section className="card department-section" aria-labelledby={`department-${department}`} data-department={department}>
      <h2 id={`department-${department}`}>{title}</h2>
      {children}
    </section>
  );
}

export function statusWithOutcome(status: string, outcome: string): ReactNode {
  return outcome ? (
    <>
      {status}
      <br />
      <span className="hint">{outcome}</span>
    </>
  ) : (
    status
  );
}

export function deadlineCell(dueOn: string | null | undefined, overdue: boolean, none: string, extra?: string | null): ReactNode {
  if (!dueOn) return extra ? <span>{extra}</span> : <span className="hint">{none}</span>;
  return (
    <>
      <Deadline dueOn={dueOn} overdue={overdue} />
      {extra ? (
        <>
          <br />
          {extra}
        </>
      ) : null}
    </>
  );
}
