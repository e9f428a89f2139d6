// The checks a page can make before sending (required, length, pattern, choice); the graph checks everything again.
import type { InputProblem } from '@govgraph/portal/kit';

export interface CheckedField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: readonly string[] | null;
  rules?: { minLength: number | null; maxLength: number | null; pattern: string | null } | null;
}

export function checkFields(fields: readonly CheckedField[], values: Record<string, string>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const field of fields) {
    const value = (values[field.key] ?? '').trim();
    const path = `fields.${field.key}`;
    if (!value) {
      if (field.required) problems.push({ path, message: field.type === 'CHOICE' ? `请选择${field.label}` : `请填写${field.label}` });
      continue;
    }
    const rules = field.rules;
    if (rules?.minLength != null && value.length < rules.minLength) problems.push({ path, message: `至少 ${rules.minLength} 个字符` });
    if (rules?.maxLength != null && value.length > rules.maxLength) problems.push({ path, message: `最多 ${rules.maxLength} 个字符` });
    if (rules?.pattern && !safeTest(rules.pattern, value)) problems.push({ path, message: '格式不正确' });
    if (field.type === 'CHOICE' && field.options && !field.options.includes(value)) problems.push({ path, message: '请从选项中选择' });
  }
  return problems;
}

export function checkMaterials(materials: readonly { code: string; name: string; required: boolean }[], chosen: ReadonlySet<string>): InputProblem[] {
  return materials
    .filter((material) => material.required && !chosen.has(material.code))
    .map((material) => ({ path: `materials.${material.code}`, message: `请提供${material.name}` }));
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true; // a pattern this browser cannot read is left to the graph
  }
}
