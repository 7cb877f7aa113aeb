import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';

/**
 * A caller's data scope: the territory codes (any level) whose records he may see. Every
 * query over territorial data takes one; there is no unscoped read path for callers.
 */
export interface Scope {
  readonly territoryCodes: readonly string[];
}

/**
 * `column` lies inside one of the scope's territories. Codes nest by prefix, so each scope
 * code becomes a range [code, code + '~') that both dialects answer from an index.
 */
export function withinScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: Scope,
): Expression<SqlBool> {
  if (scope.territoryCodes.length === 0) return eb.lit(false);
  // The column name is a fixed identifier chosen by the repository, never user input.
  const ref = eb.ref(column as never);
  return eb.or(scope.territoryCodes.map((code) => eb.and([eb(ref, '>=', code as never), eb(ref, '<', `${code}~` as never)])));
}
