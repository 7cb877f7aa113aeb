export * from './identity/index.js';
export * from './territory/index.js';
export * from './intake/index.js';
