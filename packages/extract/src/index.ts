// @entente/extract public API. Listed by hand.
export {};
