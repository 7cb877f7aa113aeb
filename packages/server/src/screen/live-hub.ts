import { EventEmitter } from 'node:events';
import type { WarningRow } from '../warnings/warning.repository.js';

export interface LiveWarning {
  readonly kind: 'opened' | 'updated';
  readonly warning: WarningRow;
}

/**
 * In-process fan-out of warning changes to live connections (server-sent events). Across
 * several API processes this is where a broker subscription would plug in.
 */
export class LiveHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(change: LiveWarning): void {
    this.emitter.emit('warning', change);
  }

  subscribe(listener: (change: LiveWarning) => void): () => void {
    this.emitter.on('warning', listener);
    return () => this.emitter.off('warning', listener);
  }
}
