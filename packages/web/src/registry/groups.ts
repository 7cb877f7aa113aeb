import type { RegistryOverview } from '@shouwang/contract';

export type GroupCount = RegistryOverview['groups'][number];

/** A department heading its groups. No totals: one person can be in several groups. */
export interface DepartmentRow {
  key: string;
  department: string;
  children: GroupCount[];
}

/** The groups under their department, departments in the order their first group comes. */
export function byDepartment(groups: readonly GroupCount[]): DepartmentRow[] {
  const rows = new Map<string, DepartmentRow>();
  for (const group of groups) {
    const row = rows.get(group.department) ?? { key: `department:${group.department}`, department: group.department, children: [] };
    row.children.push(group);
    rows.set(group.department, row);
  }
  return [...rows.values()];
}

export function departmentsOf(groups: readonly GroupCount[]): string[] {
  return [...new Set(groups.map((g) => g.department))];
}
