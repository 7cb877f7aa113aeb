import { z } from 'zod';
import { IsoTimestamp, Situation } from './common.js';

/** A warning as the large screen shows it: name and address always masked. */
export const ScreenWarning = z.object({
  id: z.string(),
  situation: Situation,
  headName: z.string(),
  address: z.string(),
  districtName: z.string(),
  subdistrictName: z.string(),
  communityName: z.string(),
  keyFigureFen: z.number().int().nullable(),
  openedAt: IsoTimestamp,
});
export type ScreenWarning = z.infer<typeof ScreenWarning>;

export const ScreenSummary = z.object({
  kpis: z.object({
    persons: z.number().int(),
    households: z.number().int(),
    signalsToday: z.number().int(),
    warningsToday: z.number().int(),
    warningsOpen: z.number().int(),
  }),
  byDistrict: z.array(z.object({ code: z.string(), name: z.string(), open: z.number().int(), today: z.number().int() })),
  bySituation: z.array(z.object({ situation: Situation, open: z.number().int() })),
  recent: z.array(ScreenWarning),
});
export type ScreenSummary = z.infer<typeof ScreenSummary>;

/** Server-sent events on `/api/screen/stream`: event name `warning`, data a ScreenStreamEvent. */
export const SCREEN_STREAM_EVENT = 'warning';

/** A new warning (`opened`) or new evidence on an open one (`updated`). */
export const ScreenStreamEvent = ScreenWarning.extend({ change: z.enum(['opened', 'updated']) });
export type ScreenStreamEvent = z.infer<typeof ScreenStreamEvent>;
