import { useResource } from '../api/useResource';

/**
 * The domain package: the population groups' names and the city's territory tree (≈1,500
 * units). Loaded on first use, into a chunk of its own, so pages that need neither stay small.
 */
export const loadDomain = () => import('@shouwang/domain');
export type Domain = Awaited<ReturnType<typeof loadDomain>>;

/** `undefined` until the chunk has loaded (once per visit; later calls answer from cache). */
export function useDomain(): Domain | undefined {
  return useResource('domain', () => loadDomain()).data;
}
