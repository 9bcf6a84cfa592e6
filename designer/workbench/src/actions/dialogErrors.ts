import type { ErrorTransformer, RJSFValidationError } from '@rjsf/utils';

const COMBINATORS = new Set(['oneOf', 'anyOf', 'if']);

/**
 * A dialog that shows fields by a choice (RJSF `dependencies` with one branch per value, e.g. 主协办
 * or 多部门) fails validation once per branch it is not in. Only the chosen branch's errors mean
 * something to the user: drop the combinator's own error and "not this branch's value" on the choice.
 */
export function branchErrorFilter(schema: Record<string, unknown>): ErrorTransformer {
  const choices = new Set(Object.keys((schema.dependencies as Record<string, unknown> | undefined) ?? {}));
  return (errors: RJSFValidationError[]) => errors.filter((e) => {
    if (COMBINATORS.has(e.name ?? '')) return false;
    const field = (e.property ?? '').replace(/^\./, '');
    return !((e.name === 'enum' || e.name === 'const') && choices.has(field));
  });
}
