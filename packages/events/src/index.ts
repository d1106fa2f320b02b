// @entente/events public API. Listed by hand.
export {};
