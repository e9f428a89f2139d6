// The problems of a refused submission, listed at the top; each entry moves focus to its field.
export interface ShownProblem {
  /** The element to focus (a field's input or a material's fieldset). */
  targetId: string;
  label: string;
  message: string;
}

export function ProblemSummary({ problems }: { problems: ShownProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error problem-summary" aria-labelledby="problem-summary-heading">
      <h2 id="problem-summary-heading">请修改以下 {problems.length} 处</h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.targetId}-${problem.message}`}>
            <button type="button" className="link-button" onClick={() => document.getElementById(problem.targetId)?.focus()}>
              {problem.label}：{problem.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
