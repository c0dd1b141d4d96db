import { EXIT_OK, type ExitCode } from "../errors.js";
import { caseJsonSchema } from "../model/schema.js";
import type { CommandIo } from "./io.js";

/** The JSON Schema as the package ships it in schema/remiss.schema.json. */
export function schemaText(): string {
  return `${JSON.stringify(caseJsonSchema(), null, 2)}\n`;
}

/** `remiss schema`: prints the JSON Schema of the input format. */
export function runSchema(io: CommandIo): ExitCode {
  io.stdout(schemaText());
  return EXIT_OK;
}
