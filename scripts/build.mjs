// Builds the CLI as one CommonJS script, dist/remiss.cjs, that bin/remiss.js
// loads through a V8 code cache (see bin/remiss.js). One script rather than
// ES module chunks, because only a script can be compiled from a code cache
// on every supported Node. A command still runs only what it needs: modules
// imported with import() are initialised when first imported, and V8
// compiles a function only when it is first called.
//
// The built-in Handlebars templates and the default phrases are precompiled
// here, so that a draft does not parse and compile them at every start.
// Type checking is `npm run typecheck` (tsc), separately.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { build } from "esbuild";
import Handlebars from "handlebars";

const outdir = process.env.REMISS_BUILD_DIR ?? "dist";
const outfile = join(outdir, "remiss.cjs");
await rm(outdir, { recursive: true, force: true });

/** Every *.md.hbs below templates/, precompiled with the options the renderer uses. */
async function precompiledTemplates() {
  const root = "templates";
  const entries = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".md.hbs")) entries.push(relative(root, path).split("\\").join("/"));
    }
  };
  await walk(root);
  entries.sort();
  const lines = [];
  for (const name of entries) {
    const source = await readFile(join(root, name), "utf8");
    lines.push(`${JSON.stringify(name)}: { source: ${JSON.stringify(source)}, spec: ${Handlebars.precompile(source, { noEscape: true })} }`);
  }
  return `{\n${lines.join(",\n")}\n}`;
}

/** The default house style's phrases, precompiled with the phraser's options, keyed by their text. */
async function precompiledPhrases() {
  // The phrases are data in src/model/phrases.ts; esbuild reads that module for us.
  const bundled = await build({ entryPoints: ["src/model/phrases.ts"], bundle: true, write: false, format: "esm", platform: "node", logLevel: "warning" });
  const url = `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`;
  const { PHRASES } = await import(url);
  const lines = Object.values(PHRASES)
    .map((phrase) => phrase.standard)
    .filter((text) => text.trim() !== "")
    .map((text) => `${JSON.stringify(text)}: ${Handlebars.precompile(text, { noEscape: true, strict: false, knownHelpersOnly: true, knownHelpers: { if: true, unless: true } })}`);
  return `{\n${lines.join(",\n")}\n}`;
}

const precompiled = `export const TEMPLATES = ${await precompiledTemplates()};\nexport const PHRASES = ${await precompiledPhrases()};\n`;

/**
 * The library only `init --fran` needs (pdf.js, two thirds of all the code)
 * is a bundle of its own beside the main one, which requires it when it
 * reads a PDF: every other command starts without reading it.
 */
const VENDOR = {
  "pdfjs-dist/legacy/build/pdf.mjs": "pdfjs.cjs",
  "pdfjs-dist/legacy/build/pdf.worker.mjs": "pdfjs-worker.cjs",
};
// The bundle's own file, for the package root and for worker threads: import.meta does not exist in a script.
const SELF_URL = { define: { "import.meta.url": "__remissSelfUrl" }, banner: { js: 'var __remissSelfUrl = require("node:url").pathToFileURL(__filename).href;' } };
const resolveFromHere = createRequire(import.meta.url).resolve;
for (const [specifier, file] of Object.entries(VENDOR)) {
  await build({ entryPoints: [resolveFromHere(specifier)], outfile: join(outdir, file), bundle: true, format: "cjs", platform: "node", target: "node20", minify: true, ...SELF_URL, logLevel: "warning" });
}

await build({
  entryPoints: ["src/cli.ts"],
  outfile,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  ...SELF_URL,
  plugins: [
    {
      name: "remiss-precompiled",
      setup(build) {
        build.onResolve({ filter: /^remiss:precompiled$/ }, (args) => ({ path: args.path, namespace: "remiss-precompiled" }));
        build.onLoad({ filter: /.*/, namespace: "remiss-precompiled" }, () => ({ contents: precompiled, loader: "js" }));
      },
    },
    {
      name: "remiss-vendor",
      setup(build) {
        // A module of the main bundle that requires the library's bundle: require(), since the main bundle runs as a
        // script (bin/remiss.js), where import() of a file is not available.
        build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/ }, (args) => ({ path: VENDOR[args.path], namespace: "remiss-vendor" }));
        build.onLoad({ filter: /.*/, namespace: "remiss-vendor" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`./${args.path}`)});`, loader: "js" }));
        build.onResolve({ filter: /^\.\/(?:pdfjs|pdfjs-worker)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
      },
    },
    {
      // esbuild writes strings as ASCII but leaves regular expressions as they are, and ours have Swedish letters:
      // each non-ASCII character of our own sources becomes a \u escape (the same string, expression or comment), so the
      // bundle is ASCII and bin/remiss.js reads it as Latin-1, three times faster than as UTF-8.
      name: "remiss-ascii",
      setup(build) {
        build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({ contents: asciiOnly(await readFile(args.path, "utf8")), loader: "ts" }));
      },
    },
  ],
  logLevel: "warning",
});

/**
 * Every character beyond ASCII as \uXXXX (a pair of them beyond the BMP).
 * After a backslash that would be another escape, so such a source is refused.
 */
function asciiOnly(text) {
  if (/\\[^\u0000-\u007f]/u.test(text)) throw new Error("a backslash before a character beyond ASCII: write the character without it");
  return text.replace(/[^\u0000-\u007f]/gu, (char) => char.split("").map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""));
}

// The bundle's hash, on the first line, so that bin/remiss.js keys its code cache by it without hashing 1 MB at every start;
// "ascii" when it is, so that bin/remiss.js may read it as Latin-1.
const code = await readFile(outfile, "utf8");
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const ascii = /^[\u0000-\u007f]*$/u.test(code);
if (!ascii) console.warn("remiss: the bundle has characters beyond ASCII; bin/remiss.js will read it as UTF-8, more slowly.");
await writeFile(outfile, `// remiss-bundle ${hash}${ascii ? " ascii" : ""}\n${code}`);

// `remiss --help` and `--version` are answered by bin/remiss.js without loading the bundle
// (they are asked often, by people and by scripts): the help text is the bundle's own, written here.
const help = spawnSync(process.execPath, ["bin/remiss.js", "--help"], { encoding: "utf8", env: { ...process.env, REMISS_NO_CACHE: "1" } });
if (help.status !== 0 || !help.stdout.startsWith("Användning:")) throw new Error(`remiss --help failed while building: ${help.stderr}`);
await writeFile(join(outdir, "help.txt"), help.stdout);
