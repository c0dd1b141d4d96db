import type { Finding } from "../diagnostics.js";
import type { CheckDocument } from "./document.js";
import { DEFAULT_PARAMS, type Rule, type RuleParams } from "./rule.js";
import { RULES } from "./rules/index.js";
import { withSectionList } from "./sections.js";

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
  const matched = withSectionList(document, merged.sections);
  for (const rule of rules) {
    rule.check(
      matched,
      (position, message) => {
        findings.push({ line: position.line, column: position.column, severity: rule.severity, rule: rule.id, message });
      },
      merged,
    );
  }
  return findings;
}
