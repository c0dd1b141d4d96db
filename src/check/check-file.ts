import { extname, resolve } from "node:path";
import { capPerRule, hasUnreadable, type Diagnostic, type Finding } from "../diagnostics.js";
import { unexpectedDetail } from "../errors.js";
import { decodeInput } from "../load/decode.js";
import { NOT_REGULAR, STDIN, TOO_LARGE, readProblem, readRegularFile, readStandardInput } from "../load/read.js";
import { LIMITS, tooLarge } from "../model/limits.js";
import { emptyDocument, type CheckDocument } from "./document.js";
import { runRules } from "./engine.js";
import { CHECKED_EXTENSIONS } from "./files.js";
import { readMarkdown } from "./readers/markdown.js";
import type { RuleParams } from "./rule.js";
import { RULES } from "./rules/index.js";

export interface FileResult {
  readonly diagnostics: Diagnostic[];
  /** The file could not be read at all (missing, no permission, a kind `check` does not read, binary or damaged): exit 2. */
  readonly unreadable: boolean;
  /** Skipped, as remiss.config.yaml says (`check.ignorera`). */
  readonly ignored?: boolean;
}

/**
 * One file → its diagnostics: read the bytes, pick the reader by extension,
 * run the rules. The DOCX reader and the YAML loader are imported only when
 * such a file comes along, so a run over Markdown never loads them.
 */
export async function checkFile(file: string, cwd: string, params: Partial<RuleParams> = {}): Promise<FileResult> {
  try {
    return await checkOneFile(file, cwd, params);
  } catch (error) {
    // A fault of remiss's own with one file is that file's finding; the run goes on with the others.
    return unreadable(file, "fil/ovantat", `Ett oväntat fel inträffade när filen granskades (${unexpectedDetail(error)}). De andra filerna granskas ändå. Rapportera gärna felet.`);
  }
}

async function checkOneFile(file: string, cwd: string, params: Partial<RuleParams>): Promise<FileResult> {
  // `-`: a case (YAML) from standard input.
  if (file === STDIN) return checked(file, await read(`${STDIN}.yaml`, await readStandardInput(sizeLimit(`${STDIN}.yaml`)), params), params);
  if (!CHECKED_EXTENSIONS.test(file)) {
    return unreadable(
      file,
      "fil/filtyp",
      "check granskar bara ärenden (.yaml, .yml), utkast (.md) och Word-dokument (.docx). Ange en sådan fil eller en mapp.",
    );
  }
  let bytes: Uint8Array;
  const limit = sizeLimit(file);
  try {
    // Synchronously: for a small file that is faster than a round trip through
    // the thread pool, and a thread checking files has nothing else to do meanwhile.
    // A named pipe would wait for ever, a device like /dev/zero never end: only regular files are read.
    bytes = readRegularFile(resolve(cwd, file), limit.bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "ENOENT") return unreadable(file, "fil/saknas", "Filen finns inte. Kontrollera namnet och mappen.");
    if (code === NOT_REGULAR) return unreadable(file, "fil/olasbar", "Filen är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte.");
    if (code === TOO_LARGE) {
      const message = tooLarge((error as { size: number }).size, limit.bytes, limit.what);
      return unreadable(file, "fil/storlek", message[0]!.toUpperCase() + message.slice(1));
    }
    return unreadable(file, "fil/olasbar", `Filen går inte att läsa (${readProblem(error)}).`);
  }
  return checked(file, await read(file, bytes, params), params);
}

function checked(file: string, document: CheckDocument, params: Partial<RuleParams>): FileResult {
  const rules = params.rules ? RULES.filter((rule) => params.rules!.includes(rule.id)) : RULES;
  const diagnostics = capPerRule(runRules(document, params, rules).map((finding) => ({ file, ...finding })));
  return { diagnostics, unreadable: hasUnreadable(diagnostics) };
}

async function read(file: string, bytes: Uint8Array, params: Partial<RuleParams>): Promise<CheckDocument> {
  switch (extname(file).toLowerCase()) {
    case ".docx": {
      const { readDocx } = await import("./readers/docx.js");
      return readDocx(bytes);
    }
    case ".md": {
      const decoded = decodeInput(bytes);
      if (decoded.ok) return readMarkdown(decoded.text.replace(/^\uFEFF/u, ""));
      return emptyDocument([markdownDecodeFinding(decoded.finding)]);
    }
    default: {
      const { readYaml } = await import("./readers/yaml.js");
      return readYaml(bytes, file, params.defaults, params.style);
    }
  }
}

/** The decoder speaks of YAML files; a Markdown file gets its own advice. */
function markdownDecodeFinding(finding: Finding): Finding {
  return finding.rule === "fil/binar"
    ? { ...finding, message: "Filen ser ut att vara binär, inte text. Ange Markdown-utkastet (.md), eller Word-dokumentet som .docx." }
    : finding;
}

/** How large a file of this kind may be. */
function sizeLimit(file: string): { bytes: number; what: string } {
  switch (extname(file).toLowerCase()) {
    case ".docx":
      return { bytes: LIMITS.docxBytes, what: "ett Word-dokument" };
    case ".md":
      return { bytes: LIMITS.markdownBytes, what: "ett utkast" };
    default:
      return { bytes: LIMITS.caseBytes, what: "ett ärende" };
  }
}

function unreadable(file: string, rule: string, message: string): FileResult {
  return { diagnostics: [{ file, line: 0, column: 0, severity: "error", rule, message }], unreadable: true };
}

