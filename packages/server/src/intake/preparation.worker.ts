/**
 * The intake preparation worker (see `PreparationWorkers`): for each batch it is given, opens
 * the file, reads it from the resume point and prepares chunk after chunk, at most the
 * granted number ahead of the thread that stores them.
 */
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { sourceById } from '@shouwang/domain';
import { createKeys, type KeyMaterial } from '../identity/keys.js';
import { openBatchTable } from './batch-table.js';
import { mapHeaders } from './header-mapping.js';
import { CHUNKS_AHEAD, type FromPreparer, type PreparationJob, type ToPreparer } from './preparation-job.js';
import { TableReadError } from './readers/index.js';
import { preparedChunks, RowPreparer } from './row-preparer.js';

const port = parentPort;
if (!port) throw new Error('preparation.worker runs as a worker thread only');
const material = workerData as KeyMaterial;
const keys = createKeys(Buffer.from(material.hmacKey), Buffer.from(material.encryptionKey));
const send = (message: FromPreparer, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let credits = 0;
let granted: (() => void) | undefined;
port.on('message', (message: ToPreparer) => {
  switch (message.kind) {
    case 'start':
      credits = CHUNKS_AHEAD;
      prepare(message.job).then(() => send({ kind: 'end' }), (error: unknown) => send({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
        messageZh: error instanceof TableReadError ? error.messageZh : undefined,
        rowNumber: error instanceof TableReadError ? error.rowNumber : undefined,
      }));
      break;
    case 'pull':
      credits++;
      granted?.();
      break;
  }
});

async function prepare(job: PreparationJob): Promise<void> {
  const source = sourceById(job.sourceId);
  if (!source) throw new Error(`the source "${job.sourceId}" is no longer configured`);
  const opened = await openBatchTable(job.file, source);
  if (!opened.ok) throw new TableReadError(opened.message, opened.messageZh);
  const mapping = mapHeaders(source, opened.table.header);
  if (!mapping.ok) throw new TableReadError(mapping.message, mapping.messageZh);
  const known = new Set(job.knownCommunities);
  const preparer = new RowPreparer(keys, {
    batchId: job.batchId, source, columns: mapping.columns, header: opened.table.header, today: job.today, isKnownCommunity: (code) => known.has(code),
  });
  for await (const chunk of preparedChunks(opened.table.rows({ after: job.after }), preparer, job.chunkRows)) {
    while (credits === 0) await new Promise<void>((resolve) => { granted = resolve; });
    granted = undefined;
    credits--;
    const bytes = serialize(chunk);
    send({ kind: 'chunk', chunk: bytes }, [bytes.buffer as ArrayBuffer]);
  }
}
