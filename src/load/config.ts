import { dirname, relative, resolve } from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics.js";
import { configSchema, type Config } from "../model/config.js";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../model/husstil.js";
import { findConfigFile, type ConfigLookupCache } from "./find-config.js";
import { LIMITS } from "../model/limits.js";
import { readYamlSource, toDiagnostics } from "./index.js";
import { readInputFile } from "./read.js";
import { validateWith } from "./validate.js";

/** A förvaltning's profile: remiss.config.yaml, validated, with its paths resolved. */
export interface Profile {
  /** The config file (absolute), when one was found. */
  file?: string;
  config: Config;
  /** The templates folder, absolute. */
  templatesDir?: string;
  /** The house style: the built-in one unless the config has `husstil:` or `check.avsnitt`. */
  style: HouseStyle;
  /** Errors in the config file; a case under a broken profile is not drafted. */
  diagnostics: Diagnostic[];
  /** Warnings about the config file (text that was cleaned); shown once, nothing stops. */
  warnings: Diagnostic[];
}

const NO_PROFILE: Profile = { config: {}, style: DEFAULT_HOUSE_STYLE, diagnostics: [], warnings: [] };

/** Loads profiles, once per config file, for the cases of one command. */
export class ProfileLoader {
  private readonly byFile = new Map<string, Promise<Profile>>();
  /** One run's lookups; a new run (a new loader, as each `--watch` round makes) looks again. */
  private readonly byFolder: ConfigLookupCache = new Map();

  /** `cwd`: config files are named relative to it in messages. */
  constructor(private readonly cwd: string = process.cwd()) {}

  async forCase(caseFile: string): Promise<Profile> {
    const file = await findConfigFile(dirname(caseFile), this.byFolder);
    if (!file) return NO_PROFILE;
    let profile = this.byFile.get(file);
    if (!profile) {
      profile = loadProfile(file, this.cwd);
      this.byFile.set(file, profile);
    }
    return profile;
  }
}

/** Reads and validates one remiss.config.yaml, with the same diagnostics as a case, named relative to `cwd`. */
export async function loadProfile(path: string, cwd: string = process.cwd()): Promise<Profile> {
  const file = relative(cwd, path) || path;
  const source = readYamlSource(await readInputFile(file, cwd, { bytes: LIMITS.configBytes, what: "remiss.config.yaml" }), file);
  const broken = (diagnostics: Diagnostic[]): Profile => ({ file: path, config: {}, style: DEFAULT_HOUSE_STYLE, diagnostics, warnings: [] });
  if (!source.map || hasErrors(source.findings)) return broken(toDiagnostics(file, source.findings));
  const warnings = toDiagnostics(file, source.findings);
  if (source.data === undefined) return broken([]);
  const validated = validateWith(
    configSchema,
    source.data,
    source.map,
    "Filen ska bestå av nycklar som forvaltning:, underskrifter:, husstil:, templates: och check:",
  );
  if (!validated.ok) return broken(toDiagnostics(file, validated.findings));
  const config = validated.value;
  const { resolveHouseStyle } = await import("./house-style.js");
  const { style, findings } = await resolveHouseStyle(config.husstil, config.check?.avsnitt, path, source.map);
  if (findings.length > 0) return broken(toDiagnostics(file, findings));
  return {
    file: path,
    config,
    ...(config.templates ? { templatesDir: resolve(dirname(path), config.templates) } : {}),
    style,
    diagnostics: [],
    warnings,
  };
}
