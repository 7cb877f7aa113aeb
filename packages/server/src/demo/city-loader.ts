import { basename } from 'node:path';
import type { AppContext } from '../context.js';

/** A department file the simulator wrote (see the simulator's `cityFiles`). */
export interface DepartmentFile {
  readonly sourceId: string;
  readonly path: string;
  readonly rows: number;
}

export interface FileLoad {
  readonly sourceId: string;
  readonly fileName: string;
  readonly status: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly unchanged: number;
  readonly seconds: number;
}

/**
 * Loads a city's department files through intake, one delivery each, in the order given (the
 * household register first, so rosters and events find their people), as the departments'
 * own deliveries would arrive.
 */
export async function loadCityFiles(ctx: AppContext, files: readonly DepartmentFile[], onFile: (load: FileLoad) => void = () => undefined): Promise<FileLoad[]> {
  const loads: FileLoad[] = [];
  for (const file of files) {
    // A department with nothing to report this time sends nothing (intake refuses a header-only file).
    if (file.rows === 0) continue;
    const started = performance.now();
    const outcome = await ctx.deliveries.deliver({ sourceId: file.sourceId, fileName: basename(file.path), file: { path: file.path }, channel: 'feed', submittedBy: null });
    if (!('batch' in outcome)) throw new Error(`${file.sourceId} is not a configured source`);
    const batch = outcome.batch;
    const load = {
      sourceId: file.sourceId, fileName: basename(file.path), status: outcome.status, rows: batch.rows, accepted: batch.accepted, rejected: batch.rejected,
      unchanged: batch.unchanged, seconds: (performance.now() - started) / 1000,
    };
    // A file delivered before (the same bytes) is already applied: nothing more to do.
    if (outcome.status !== 'applied' && outcome.status !== 'duplicate') {
      throw new Error(`${file.sourceId} (${load.fileName}) was not applied: ${outcome.status}${batch.refusal ? ` — ${batch.refusal}` : ''}`);
    }
    loads.push(load);
    onFile(load);
  }
  return loads;
}
