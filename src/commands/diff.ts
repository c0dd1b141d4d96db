import { basename, dirname, extname, join, resolve } from "node:path";
import { EXIT_OK, EXIT_USAGE, RemissError, type ExitCode } from "../errors.js";
import { ProfileLoader } from "../load/config.js";
import { removingTemporariesOnSignal, writeFilesAtomically } from "../output/atomic.js";
import { packageVersion } from "../paths.js";
import { parseMarkdown } from "../readers/markdown/parse.js";
import { CasePreparer, line, type PreparedCase } from "./draft-case.js";
import type { CommandIo } from "./io.js";

export interface DiffOptions {
  /** -o: the DOCX written; default NAME.andringar.docx beside the new case. */
  out?: string;
  /** --mot: the git revision whose version of the case is the old one. */
  mot?: string;
  /** --forfattare: the author of the tracked changes. */
  forfattare?: string;
}

/**
 * `remiss diff OLD.yaml NEW.yaml` and `remiss diff CASE.yaml --mot REV`:
 * both versions drafted as `draft` drafts them, their trees merged with the
 * differences marked (src/diff), and the new draft written as a DOCX in
 * which those differences are tracked changes.
 */
export async function runDiff(files: readonly string[], options: DiffOptions, io: CommandIo): Promise<ExitCode> {
  if (options.mot !== undefined ? files.length !== 1 : files.length !== 2) {
    throw new RemissError(
      options.mot !== undefined
        ? "Med --mot anges ett enda ärende: remiss diff ARENDE.yaml --mot main."
        : "Ange två versioner av ärendet, den gamla först: remiss diff GAMMAL.yaml NY.yaml (eller en med --mot REVISION).",
      EXIT_USAGE,
    );
  }
  const newFile = files.at(-1)!;
  const oldFile = files[0]!;
  const out = options.out ?? join(dirname(newFile), `${basename(newFile, extname(newFile))}.andringar.docx`);
  if (extname(out).toLowerCase() !== ".docx") throw new RemissError(`-o ${out}: filen som skrivs ska sluta på .docx.`, EXIT_USAGE);
  if (files.some((file) => resolve(io.cwd, file) === resolve(io.cwd, out))) {
    throw new RemissError(`-o ${out}: är ett av ärendena, som diff aldrig skriver över. Ange en annan fil.`, EXIT_USAGE);
  }

  let source: { bytes: Uint8Array; name: string } | undefined;
  if (options.mot !== undefined) {
    const { readFromGit } = await import("../diff/git.js");
    source = { bytes: readFromGit(newFile, options.mot, io.cwd), name: `${options.mot}:${newFile}` };
  }

  const sourceDateEpoch = io.env.SOURCE_DATE_EPOCH;
  const preparer = new CasePreparer({ formats: ["md"], stdout: true, check: true, cwd: io.cwd, sourceDateEpoch });
  const said = new Set<string>();
  const drafted = async (file: string, from?: typeof source): Promise<PreparedCase> => {
    const prepared = await preparer.prepare(file, from);
    // A profile's findings once, though both versions use it.
    if (prepared.profile && !said.has(prepared.profile.config)) {
      said.add(prepared.profile.config);
      io.stderr(prepared.profile.text);
    }
    for (const text of prepared.said) io.stderr(text);
    return prepared;
  };
  const old = await drafted(source ? newFile : oldFile, source);
  const neu = await drafted(newFile);
  if (old.failed !== undefined || neu.failed !== undefined) return Math.max(old.failed ?? EXIT_OK, neu.failed ?? EXIT_OK) as ExitCode;

  const [{ mergeTrees }, { renderMdast }, { readFrontMatter }, { documentTimestamp }] = await Promise.all([
    import("../diff/blocks.js"),
    import("../render/docx/index.js"),
    import("../render/docx/frontmatter.js"),
    import("../render/docx/properties.js"),
  ]);
  const newTree = parseMarkdown(neu.markdown!);
  const front = readFrontMatter(newTree);
  const profile = await new ProfileLoader(io.cwd).forCase(resolve(io.cwd, newFile));
  const author = [options.forfattare, profile.config.diff?.forfattare, front.forvaltning.namn].map((name) => name?.trim()).find((name) => name) ?? "remiss";
  const docx = await renderMdast(mergeTrees(parseMarkdown(old.markdown!), newTree), {
    sourceDateEpoch,
    style: profile.style,
    application: `remiss ${packageVersion()}`,
    baseDir: dirname(resolve(io.cwd, newFile)),
    revisions: { author, date: documentTimestamp(front.datum, { sourceDateEpoch }) },
  });
  await removingTemporariesOnSignal(() => writeFilesAtomically([{ path: resolve(io.cwd, out), data: docx }], () => out));
  io.stdout(line(`Skrev ${out}`));
  return EXIT_OK;
}
