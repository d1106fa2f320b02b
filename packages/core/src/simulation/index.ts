// Public names of simulation/, listed by hand (re-exported by ../index.ts).
export {};
