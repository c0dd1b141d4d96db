import { dirname, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { findConfigFile, type ConfigLookupCache } from "../load/find-config.js";
import { DEFAULT_HOUSE_STYLE } from "../model/husstil.js";
import type { RuleParams } from "./rule.js";

export interface CheckSettings {
  readonly params: Partial<RuleParams>;
  /** Files the config says to skip (`check.ignorera`), as absolute-path patterns. */
  readonly ignore?: readonly RegExp[];
  /** Problems in the config file itself: with an error among them, the files under it are not checked. */
  readonly diagnostics: readonly Diagnostic[];
}

const NONE: CheckSettings = { params: {}, diagnostics: [] };

/**
 * The rule parameters for each checked file, from the nearest
 * remiss.config.yaml: the house style's sections (with `check.avsnitt`), the
 * LIX limit and the sentence length, and for case files the letterhead and
 * signatories the config gives them. The config is loaded (and zod with it) only when
 * there is one, once per config file; the file system is asked once per
 * folder, not once per file.
 */
export class CheckSettingsLoader {
  private readonly byConfig = new Map<string, Promise<CheckSettings>>();
  private readonly byFolder: ConfigLookupCache = new Map();

  constructor(private readonly cwd: string) {}

  async forFile(file: string): Promise<CheckSettings> {
    const config = await findConfigFile(dirname(resolve(this.cwd, file)), this.byFolder);
    if (!config) return NONE;
    let settings = this.byConfig.get(config);
    if (!settings) {
      settings = load(config, this.cwd);
      this.byConfig.set(config, settings);
    }
    return settings;
  }
}

async function load(file: string, cwd: string): Promise<CheckSettings> {
  const { loadProfile } = await import("../load/config.js");
  const profile = await loadProfile(file, cwd);
  const { config, style } = profile;
  const check = config.check ?? {};
  const defaults = {
    ...(config.forvaltning ? { forvaltning: config.forvaltning } : {}),
    ...(config.underskrifter ? { underskrifter: config.underskrifter } : {}),
  };
  const severities = Object.fromEntries(
    Object.entries(check.regler ?? {})
      .filter((entry): entry is [string, "av" | "varning" | "fel"] => entry[1] !== undefined)
      .map(([id, level]) => [id, level === "av" ? "off" : level === "varning" ? "warning" : "error"] as const),
  );
  const { globToRegExp } = await import("../load/walk.js");
  const base = dirname(file).split(sep).join("/");
  const ignore = (check.ignorera ?? []).map((glob) => globToRegExp(`${base}/${glob.replace(/^\.\//u, "")}`));
  let klarsprak: RuleParams["klarsprak"];
  if (check.klarsprak) {
    const { KLARSPRAK, withChanges } = await import("./klarsprak.js");
    klarsprak = withChanges(KLARSPRAK, check.klarsprak);
  }
  return {
    ...(ignore.length > 0 ? { ignore } : {}),
    params: {
      ...(Object.keys(severities).length > 0 ? { severities } : {}),
      ...(check.lix !== undefined ? { lixMax: check.lix } : {}),
      ...(check.meningslangd !== undefined ? { sentenceMaxWords: check.meningslangd } : {}),
      ...(klarsprak ? { klarsprak } : {}),
      ...(style !== DEFAULT_HOUSE_STYLE ? { sections: style.sections, style } : {}),
      ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
    },
    diagnostics: [...profile.diagnostics, ...profile.warnings],
  };
}
