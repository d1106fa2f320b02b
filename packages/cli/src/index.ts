// @entente/cli programmatic API: run the CLI in-process.

export type { Io } from './io.js';
export { EXIT, main, VERSION } from './main.js';
