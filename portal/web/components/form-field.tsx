// One form field as a labelled control: its type decides the input, a problem marks it invalid and says why.
import type { FormFieldType } from '@govgraph/portal/kit';
import type { ReactNode } from 'react';

export interface FieldDefinition {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: readonly string[] | null;
}

const INPUT_TYPES: Partial<Record<FormFieldType, string>> = { MOBILE: 'tel', EMAIL: 'email', DATE: 'date' };

interface FormFieldProps {
  /** Prefix of element ids, so two forms on one page do not collide. */
  idPrefix: string;
  field: FieldDefinition;
  value: string;
  onChange(value: string): void;
  problem?: string;
  /** The provenance badge, whose id is `${idPrefix}-${key}-source`. */
  badge?: ReactNode;
}

export function fieldId(idPrefix: string, key: string): string {
  return `${idPrefix}-${key}`;
}

export function FormField({ idPrefix, field, value, onChange, problem, badge }: FormFieldProps) {
  const id = fieldId(idPrefix, field.key);
  const describedBy = [badge ? `${id}-source` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.key,
    required: field.required,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      {/* The label is exactly the form's label (what people and tests look for); 必填 sits beside it, the input's `required` says it to assistive technology. */}
      <span className="label-row">
        <label htmlFor={id}>{field.label}</label>
        {field.required ? (
          <span className="required-mark" aria-hidden="true">
            必填
          </span>
        ) : null}
      </span>
      {field.type === 'CHOICE' ? (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">请选择</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={INPUT_TYPES[field.type] ?? 'text'}
          inputMode={field.type === 'NUMBER' ? 'decimal' : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {badge}
      {problem ? (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
