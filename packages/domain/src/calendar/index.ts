export * from './calendar.js';
export * from './holidays.js';
