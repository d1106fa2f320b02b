// @entente/runner public API, listed by hand.
export {};
