// `@entente/core/contract`: the contract's types for the browser bundle (the web app imports them
// with `import type`), with the case's own types. The only value is `LAYERS` (a module without
// imports): anything more would pull zod into the bundle. The policies come from the API.

export type { CaseIssue } from '../case/issues.js';
export type { Policy } from '../case/scenario.js';
export type { Actor, Case, Evidence, Relation, Scenario } from '../case/schema.js';
export { LAYERS, type Layer } from '../case/vocabulary.js';
export type * from './index.js';
