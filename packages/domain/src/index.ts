export * from './identity/index.js';
export * from './territory/index.js';
export * from './intake/index.js';
export * from './signals/index.js';
export * from './money/index.js';
export * from './calendar/index.js';
export * from './policy/index.js';
export * from './rules/index.js';
