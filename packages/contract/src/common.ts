import { z } from 'zod';

/** Stable error body: `id` is for programs, `message` for people. */
export const ApiError = z.object({
  id: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** ISO timestamp in UTC, e.g. `2026-12-04T09:30:00.000Z`; the UI shows it in Asia/Shanghai. */
export const IsoTimestamp = z.string();

export const Role = z.enum(['city_admin', 'social_worker', 'screen_viewer']);
export type Role = z.infer<typeof Role>;

export const Situation = z.enum(['illness', 'disability', 'disaster_accident', 'income_loss']);
export type Situation = z.infer<typeof Situation>;

export const TerritoryRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['city', 'district', 'subdistrict', 'community']),
});
export type TerritoryRef = z.infer<typeof TerritoryRef>;
