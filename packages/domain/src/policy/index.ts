export * from './policy.js';
export * from './nanjing.js';
