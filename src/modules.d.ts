/**
 * The built-in templates and the default phrases, precompiled by
 * scripts/build.mjs (a virtual module of the bundle). Outside the bundle
 * (tests run the TypeScript) tests/support/precompiled.ts stands in for it
 * with nothing precompiled, and everything is compiled at run time.
 */
declare module "remiss:precompiled" {
  /** Template name (`sektioner/bakgrund.md.hbs`) → its source and precompiled spec; undefined outside the bundle. */
  export const TEMPLATES: Readonly<Record<string, { source: string; spec: TemplateSpecification }>> | undefined;
  /** A default phrase's text → its precompiled spec; undefined outside the bundle. */
  export const PHRASES: Readonly<Record<string, TemplateSpecification>> | undefined;
}

/** pdf.js's worker, run in this thread by src/intake/pdf.ts (it has no type declarations of its own). */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
