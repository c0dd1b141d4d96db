import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.js";

/**
 * The tool in a kansli's own repository: the packed tarball installs with
 * no network and no other package (the bundle carries its libraries), and
 * the commands of the README's walkthrough work there through npx.
 */
let dir: string;
let project: string;

function run(command: string, args: string[], cwd: string) {
  const npmEnv = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
  return spawnSync(command, args, { cwd, encoding: "utf8", env: npmEnv, timeout: 120_000 });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-install-"));
  // --ignore-scripts: dist/ is built by `npm test` already, and rebuilding it would pull it from under other tests.
  const pack = run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  project = join(dir, "kansli");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "kansli", version: "1.0.0", private: true }));
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
  const install = run("npm", ["install", "--offline", "--save-dev", join(dir, tarball)], project);
  expect(install.status, install.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("remiss installed from the packed tarball", () => {
  it("brings no other package and declares no runtime dependency", () => {
    expect(readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."))).toEqual(["remiss"]);
    const manifest = JSON.parse(readFileSync(join(project, "node_modules", "remiss", "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    // No install script (prepare among them): installing the tarball runs nothing and warns of nothing.
    expect(Object.keys((manifest.scripts ?? {}) as Record<string, string>).filter((name) => /^(pre|post)?install$|^prepare$/u.test(name))).toEqual([]);
    expect(readdirSync(join(project, "node_modules", "remiss")).sort()).toEqual(["LICENSE", "README.md", "bin", "dist", "package.json", "schema", "templates"]);
  });

  it("runs init, draft, check and templates export through npx", () => {
    const npx = (...args: string[]) => run("npx", ["--no-install", "remiss", ...args], project);
    expect(npx("init", "arende.yaml").stdout).toBe("Skrev arende.yaml. Fyll i fälten och kör sedan: remiss draft arende.yaml\n");
    expect(readFileSync(join(project, "arende.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=node_modules/remiss/schema/remiss.schema.json");
    const draft = npx("draft", "arende.yaml");
    expect(draft.stdout).toBe("Skrev arende.md och arende.docx\n");
    expect(draft.status).toBe(0);
    const check = npx("check", "arende.yaml", "--format", "json");
    expect(check.status).toBe(1);
    expect(new Set((JSON.parse(check.stdout) as { rule: string }[]).map((d) => d.rule))).toEqual(new Set(["text/platshallare"]));
    const templates = npx("templates", "export", "mallar");
    expect(templates.status).toBe(0);
    expect(readdirSync(join(project, "mallar"))).toContain("tjansteutlatande.md.hbs");
    expect(npx("schema", "--config").stdout).toContain('"husstil"');
  });

  it("reads a PDF and a Word document for init --fran without pdf.js's optional canvas package, and says nothing else", () => {
    const npx = (...args: string[]) => run("npx", ["--no-install", "remiss", ...args], project);
    copyFileSync(join(ROOT, "fixtures", "kallor", "motion-skinnskatteberg-oppositionsrad.pdf"), join(project, "motion.pdf"));
    copyFileSync(join(ROOT, "fixtures", "kallor", "remiss-stockholm-ks-2025-804.docx"), join(project, "remiss.docx"));
    const init = npx("init", "fran.yaml", "--fran", "motion.pdf", "--remissbrev", "remiss.docx");
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(init.stdout.split("\n")[1]).toMatch(/^Hittade: typ motion, titel, 3 författare, 1 att-sats, beskrivning \(3 stycken\), remittent Kommunstyrelsen, Dnr KS 2025\/804/u);
  });
});
