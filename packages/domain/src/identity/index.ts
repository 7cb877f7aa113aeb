export * from './resident-id.js';
export * from './masking.js';
