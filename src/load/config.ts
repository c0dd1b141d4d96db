import { access } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { CONFIG_FILE, configSchema, type Config } from "../model/config.js";
import { readYamlSource, toDiagnostics } from "./index.js";
import { readInputFile } from "./read.js";
import { validateWith } from "./validate.js";

/** A förvaltning's profile: remiss.config.yaml, validated, with its paths resolved. */
export interface Profile {
  /** The config file, when one was found. */
  file?: string;
  config: Config;
  /** The templates folder, absolute. */
  templatesDir?: string;
  /** Problems in the config file; a case under a broken profile is not drafted. */
  diagnostics: Diagnostic[];
}

const NO_PROFILE: Profile = { config: {}, diagnostics: [] };

/** The nearest remiss.config.yaml in `dir` or a parent folder. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, CONFIG_FILE);
    if (await access(candidate).then(() => true, () => false)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Loads profiles, once per config file, for the cases of one command. */
export class ProfileLoader {
  private readonly byFile = new Map<string, Promise<Profile>>();

  async forCase(caseFile: string): Promise<Profile> {
    const file = await findConfigFile(dirname(caseFile));
    if (!file) return NO_PROFILE;
    let profile = this.byFile.get(file);
    if (!profile) {
      profile = loadProfile(file);
      this.byFile.set(file, profile);
    }
    return profile;
  }
}

/** Reads and validates one remiss.config.yaml, with the same diagnostics as a case. */
export async function loadProfile(file: string): Promise<Profile> {
  const source = readYamlSource(await readInputFile(file), file);
  if (!source.map || source.findings.length > 0) return { file, config: {}, diagnostics: toDiagnostics(file, source.findings) };
  if (source.data === undefined) return { file, config: {}, diagnostics: [] };
  const validated = validateWith(configSchema, source.data, source.map, "Filen ska bestå av nycklar som forvaltning:, underskrifter:, templates: och check:");
  if (!validated.ok) return { file, config: {}, diagnostics: toDiagnostics(file, validated.findings) };
  const config = validated.value;
  return {
    file,
    config,
    ...(config.templates ? { templatesDir: resolve(dirname(file), config.templates) } : {}),
    diagnostics: [],
  };
}
