import type { Finding } from "../diagnostics.js";
import type { CheckDocument } from "./document.js";
import { DEFAULT_PARAMS, type Rule, type RuleParams } from "./rule.js";
import { RULES } from "./rules/index.js";

/**
 * Runs the rules over one document. The reader's own findings (schema
 * errors, files that cannot be read) come first, unchanged; then each
 * rule's, with the rule's id and severity added here.
 */
export function runRules(
  document: CheckDocument,
  params: Partial<RuleParams> = {},
  rules: readonly Rule[] = RULES,
): Finding[] {
  const merged: RuleParams = { ...DEFAULT_PARAMS, ...params };
  const findings: Finding[] = [...document.findings];
  for (const rule of rules) {
    rule.check(
      document,
      (position, message) => {
        findings.push({ line: position.line, column: position.column, severity: rule.severity, rule: rule.id, message });
      },
      merged,
    );
  }
  return findings;
}
