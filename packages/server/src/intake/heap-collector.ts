import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, run every few chunks of a batch. Applying a batch
 * allocates hundreds of megabytes a minute of rows that live only for their chunk, and V8
 * lets the old generation grow to its initial limit (about 256 MB) before its first full
 * collection, far above the few tens of megabytes really in use: with the preparation worker
 * beside it, that pushed a million-row intake to 600 MB. One collection every 20,000 rows
 * (tens of milliseconds at most on that live heap, no measurable cost in the intake
 * benchmark) keeps the process near what it really uses.
 */
export function collectGarbage(): void {
  if (!collect) {
    // `gc` is exposed only to contexts created after the flag is set, not to this one.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
