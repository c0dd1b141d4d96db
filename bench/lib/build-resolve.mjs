// @ts-check
/** The resolve hook registered by build-hooks.mjs: `esbuild`, imported by scripts/build.mjs, becomes esbuild-shim.mjs. */

/**
 * @param {string} specifier
 * @param {{parentURL?: string}} context
 * @param {(specifier: string, context: object) => Promise<object>} next
 */
export async function resolve(specifier, context, next) {
  if (specifier === "esbuild" && context.parentURL?.endsWith("/scripts/build.mjs")) {
    return { url: new URL("./esbuild-shim.mjs", import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
