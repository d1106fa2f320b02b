// Public names of exploration/, listed by hand (re-exported by ../index.ts).
export {};
