export * from './common.js';
export * from './auth.js';
export * from './warnings.js';
export * from './screen.js';
export * from './intake.js';
export * from './registry.js';
