export * from './rule.js';
export * from './parse.js';
export * from './evaluate.js';
export * from './features.js';
export * from './medical-burden.js';
