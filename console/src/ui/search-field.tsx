import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * A search form's main field: its label, the input and a hint under it. The input points at the hint
 * (`<id>-hint`), and, while it is invalid, at the form's error (`<id>-error`) as well.
 */
export function SearchField({
  id,
  label,
  hint,
  invalid,
  input,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  invalid: boolean;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={invalid} />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
