export { configFromEnv, type Config } from './config.js';
export { createContext, type AppContext } from './context.js';
export { buildApp } from './http/app.js';
