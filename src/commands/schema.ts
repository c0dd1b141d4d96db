import { EXIT_OK, EXIT_USAGE, RemissError, type ExitCode } from "../errors.js";
import { configJsonSchema } from "../model/config.js";
import { caseJsonSchema } from "../model/schema.js";
import { listJsonSchema } from "../lista/row.js";
import type { CommandIo } from "./io.js";

export interface SchemaOptions {
  config?: boolean;
  lista?: boolean;
}

/**
 * The JSON Schema as the package ships it: schema/remiss.schema.json; with
 * `config` schema/remiss.config.schema.json; with `lista`
 * schema/remiss.lista.schema.json.
 */
export function schemaText(options: SchemaOptions = {}): string {
  if (options.config && options.lista) throw new RemissError("--config och --lista går inte att kombinera: välj ett av schemana.", EXIT_USAGE);
  return `${JSON.stringify(options.config ? configJsonSchema() : options.lista ? listJsonSchema() : caseJsonSchema(), null, 2)}\n`;
}

/** `remiss schema [--config | --lista]`: prints the JSON Schema of a case, of remiss.config.yaml, or of `remiss lista --format json`. */
export function runSchema(io: CommandIo, options: SchemaOptions = {}): ExitCode {
  io.stdout(schemaText(options));
  return EXIT_OK;
}
