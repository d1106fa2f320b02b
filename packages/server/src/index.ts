// @entente/server public API, listed by hand.
export {};
