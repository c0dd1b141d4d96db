import { EXIT_OK, type ExitCode } from "../errors.js";
import { configJsonSchema } from "../model/config.js";
import { caseJsonSchema } from "../model/schema.js";
import type { CommandIo } from "./io.js";

/** The JSON Schema as the package ships it: schema/remiss.schema.json, or with `config` schema/remiss.config.schema.json. */
export function schemaText(options: { config?: boolean } = {}): string {
  return `${JSON.stringify(options.config ? configJsonSchema() : caseJsonSchema(), null, 2)}\n`;
}

/** `remiss schema [--config]`: prints the JSON Schema of a case, or of remiss.config.yaml. */
export function runSchema(io: CommandIo, options: { config?: boolean } = {}): ExitCode {
  io.stdout(schemaText(options));
  return EXIT_OK;
}
