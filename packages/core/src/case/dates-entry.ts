// `@entente/core/dates`: the partial-date helpers alone, for bundles that need nothing else of the
// core (the workbench's timeline). Also exported from the package's main entry.
export { caseDates, compareCaseDates } from './case-dates.js';
export { type DateInterval, parseCaseDate } from './dates.js';
