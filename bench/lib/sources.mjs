// @ts-check
/**
 * Values from remiss's own sources (the section list, the limits), compiled
 * on the fly with esbuild, so the bench never spells a heading or a limit
 * and does not depend on how the CLI is bundled.
 */
import path from "node:path";

/**
 * @typedef {object} Section
 * @property {string} id
 * @property {string} heading
 * @property {boolean} required
 */

/**
 * @typedef {object} Sources
 * @property {readonly Section[]} SECTIONS
 * @property {string} SIGNATURES_MARKER
 * @property {Record<string, number>} LIMITS
 */

/**
 * @param {string} root
 * @param {string} file  relative to the root
 * @returns {Promise<Record<string, unknown>>}
 */
async function loadModule(root, file) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(root, file)],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "error",
  });
  const code = /** @type {{text: string}} */ (result.outputFiles[0]).text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

/**
 * @param {string} root
 * @returns {Promise<Sources>}
 */
export async function loadSources(root) {
  const sections = await loadModule(root, "src/model/sections.ts");
  const limits = await loadModule(root, "src/model/limits.ts");
  return {
    SECTIONS: /** @type {readonly Section[]} */ (sections.SECTIONS),
    SIGNATURES_MARKER: /** @type {string} */ (sections.SIGNATURES_MARKER),
    LIMITS: /** @type {Record<string, number>} */ (limits.LIMITS),
  };
}
