export * from './groups.js';
export * from './income.js';
