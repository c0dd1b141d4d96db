import { spawnSync } from "node:child_process";
import { basename, dirname, resolve } from "node:path";
import { EXIT_USAGE, RemissError } from "../errors.js";
import { LIMITS, formatBytes } from "../model/limits.js";

/**
 * A case file as it stands in a git revision (`git show REVISION:path`,
 * the path from the root of the repository the file is in). Not in a
 * repository, a revision git does not know, or a file that the revision
 * does not have: a RemissError (exit 2) in Swedish.
 */
export function readFromGit(file: string, revision: string, cwd: string): Uint8Array {
  const shown = file;
  if (revision.trim() === "" || revision.startsWith("-")) {
    throw new RemissError(`--mot ${revision}: ange en revision som git känner, t.ex. main, HEAD~1 eller en commit.`, EXIT_USAGE);
  }
  const folder = dirname(resolve(cwd, file));
  const prefix = git(["rev-parse", "--show-prefix"], folder);
  if (prefix.status !== 0) {
    throw new RemissError(`${shown}: ligger inte i ett git-förråd, så --mot ${revision} har ingen version att jämföra med. Ange den gamla versionen som fil i stället: remiss diff GAMMAL.yaml ${shown}`, EXIT_USAGE);
  }
  if (git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], folder).status !== 0) {
    throw new RemissError(`--mot ${revision}: git känner inte revisionen. Ange en gren, en tagg eller en commit som finns, t.ex. main eller HEAD~1.`, EXIT_USAGE);
  }
  const path = `${prefix.stdout.toString("utf8").trim()}${basename(file)}`;
  const shownInGit = git(["show", `${revision}:${path}`], folder);
  if (shownInGit.status !== 0) {
    throw new RemissError(`${shown}: filen fanns inte i ${revision} (som ${path}). Ange en revision där ärendet finns, eller den gamla versionen som fil.`, EXIT_USAGE);
  }
  if (shownInGit.stdout.length > LIMITS.caseBytes) {
    throw new RemissError(`${revision}:${path}: filen är ${formatBytes(shownInGit.stdout.length)}, men ett ärende får vara högst ${formatBytes(LIMITS.caseBytes)}.`, EXIT_USAGE);
  }
  return new Uint8Array(shownInGit.stdout);
}

function git(args: readonly string[], cwd: string): { status: number | null; stdout: Buffer } {
  const result = spawnSync("git", args, { cwd, encoding: "buffer", maxBuffer: LIMITS.caseBytes + 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new RemissError("git finns inte på den här datorn, så --mot går inte att använda. Installera git, eller ange den gamla versionen som fil: remiss diff GAMMAL.yaml NY.yaml", EXIT_USAGE);
  }
  return { status: result.error ? null : result.status, stdout: result.stdout ?? Buffer.alloc(0) };
}
