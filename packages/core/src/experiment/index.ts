// Public names of experiment/, listed by hand (re-exported by ../index.ts).
export {};
