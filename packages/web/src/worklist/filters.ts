import { Situation, WarningStatus } from '@shouwang/contract';

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

export interface WorklistFilters {
  status: WarningStatus | undefined;
  situation: Situation | undefined;
  page: number;
  pageSize: number;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The worklist's filters live in the URL, so "back" from a warning returns to the same page. */
export function filtersFromParams(params: URLSearchParams): WorklistFilters {
  const status = WarningStatus.safeParse(params.get('status'));
  const situation = Situation.safeParse(params.get('situation'));
  const size = positiveInt(params.get('size'), DEFAULT_PAGE_SIZE);
  return {
    status: status.success ? status.data : undefined,
    situation: situation.success ? situation.data : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

export function paramsFromFilters(filters: WorklistFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.situation) params.set('situation', filters.situation);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(filters.pageSize));
  return params;
}
