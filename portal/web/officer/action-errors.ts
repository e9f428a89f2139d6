// What an officer reads when an action is refused, and which input each problem concerns.
import { ERROR_MESSAGES, errorCode, errorMessage, inputProblems } from '@govgraph/portal/kit';
import type { CombinedError } from 'urql';

/**
 * The graph reports input problems two ways: `extensions.problems` (a list, from submissions) and
 * `extensions.field` (one field, from the kit's BadUserInputError, e.g. `input.validTo`). Keys are
 * the path without the leading `input.`: `validTo`, `data.drivingClass`, `note`.
 */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of inputProblems(error)) errors[problem.path.replace(/^input\./, '')] = problem.message;
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const field = graphQLError.extensions?.field;
    if (graphQLError.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string') errors[field.replace(/^input\./, '')] = graphQLError.message;
  }
  return errors;
}

/** A sentence for the officer; FORBIDDEN and NOT_FOUND plainly, CONFLICT saying the page was refreshed. */
export function actionMessage(error: CombinedError | undefined): string | undefined {
  switch (errorCode(error)) {
    case undefined:
      return undefined;
    case 'CONFLICT':
      return '该办件已被他人办理或状态已变化，已刷新为最新状态，请核对后再操作。';
    case 'FORBIDDEN':
      return `${ERROR_MESSAGES.FORBIDDEN}。`;
    case 'NOT_FOUND':
      return '未找到该办件，或它不属于本部门。';
    default:
      return errorMessage(error);
  }
}
