// Stands in for the bundle's virtual module "remiss:precompiled" when tests run the TypeScript: nothing is precompiled.
export const TEMPLATES = undefined;
export const PHRASES = undefined;
