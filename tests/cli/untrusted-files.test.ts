import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, ROOT, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 22, "Files that are not what they seem": links planted where remiss
 * writes, an out-dir that is a link, pipes and devices wherever remiss
 * reads, modes, unreadable hand edits, CRLF and UTF-16. Each through the
 * real CLI.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-untrusted-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The minimal case with `text` as its synpunkter. */
function withSynpunkter(text: string): string {
  return MINIMAL.replace("synpunkter: |\n  Förvaltningen delar skribentens bild.\n", `synpunkter: |\n  ${text}\n`);
}

describe("where remiss writes", () => {
  it("never follows a link planted at a temporary file's name: the file it points at is left alone", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    mkdirSync(join(dir, "offer"));
    const victim = join(dir, "offer", "authorized_keys");
    writeFileSync(victim, "ssh-ed25519 AAAA nyckel\n");
    // Links for the process ids the next few processes are likely to get, as an attacker would plant them.
    mkdirSync(join(dir, "ut"));
    for (let pid = process.pid; pid < process.pid + 3000; pid++) {
      for (const n of [1, 2]) symlinkSync(victim, join(dir, "ut", `.remiss-${pid}-${n}.tmp`));
    }
    const result = runCli(["draft", "arende.yaml", "-o", "ut"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("ssh-ed25519 AAAA nyckel\n");
    expect(readFileSync(join(dir, "ut", "arende.md"), "utf8")).toContain("Motion om fler fritidsgårdar");
  });

  it("keeps the mode of a draft it replaces, so a private draft stays private", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    expect(runCli(["draft", "arende.yaml"], { cwd: dir }).code).toBe(0);
    chmodSync(join(dir, "arende.md"), 0o600);
    chmodSync(join(dir, "arende.docx"), 0o640);
    writeFileSync(join(dir, "arende.yaml"), MINIMAL.replace("fler fritidsgårdar", "fler fritidsgårdar och bibliotek"));
    const result = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, "arende.md"), "utf8")).toContain("och bibliotek");
    expect(statSync(join(dir, "arende.md")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "arende.docx")).mode & 0o777).toBe(0o640);
  });

  it("refuses an out-dir that is a link to the case's own folder, as it refuses the folder itself", () => {
    mkdirSync(join(dir, "arenden"));
    writeFileSync(join(dir, "arenden", "arende.md"), MINIMAL);
    symlinkSync("arenden", join(dir, "alias"));
    for (const out of ["arenden", "alias"]) {
      const result = runCli(["draft", "arenden/arende.md", "-o", out], { cwd: dir });
      expect(result.code, out).toBe(2);
      expect(result.stderr).toBe(`arenden/arende.md: utkastet ${out}/arende.md skulle skriva över ärendet självt. Ge ärendet ändelsen .yaml.\n`);
    }
    expect(readFileSync(join(dir, "arenden", "arende.md"), "utf8")).toBe(MINIMAL);
  });
});

describe("special files wherever remiss reads", () => {
  it("refuses an image that is a named pipe or a link to /dev/zero as that case's error, and drafts the other cases", () => {
    execFileSync("mkfifo", [join(dir, "ror.png")]);
    symlinkSync("/dev/zero", join(dir, "noll.png"));
    writeFileSync(join(dir, "a-ror.yaml"), withSynpunkter("![Karta](ror.png)"));
    writeFileSync(join(dir, "b-noll.yaml"), withSynpunkter("![Karta](noll.png)"));
    writeFileSync(join(dir, "c-bra.yaml"), MINIMAL);
    const result = runCli(["draft", "a-ror.yaml", "b-noll.yaml", "c-bra.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "a-ror.yaml:20:3: fel: Bildfilen ”ror.png” är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte. Ange en PNG- eller JPEG-fil.",
    );
    expect(result.stderr).toContain("b-noll.yaml:20:3: fel: Bildfilen ”noll.png” är ingen vanlig fil");
    expect(result.stdout).toBe("Skrev c-bra.md och c-bra.docx\n");
    expect(result.stderr).toMatch(/1 utkast skrivet, 2 fel\n$/u);
  }, 30_000);

  it("refuses a logo that is a named pipe, and templates or a config that are devices, each said in Swedish", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    mkdirSync(join(dir, "mallar", "sektioner"), { recursive: true });
    symlinkSync("/dev/zero", join(dir, "mallar", "sektioner", "bakgrund.md.hbs"));
    execFileSync("mkfifo", [join(dir, "logo.png")]);
    writeFileSync(join(dir, "remiss.config.yaml"), "husstil:\n  logotyp: logo.png\n");
    const logo = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(logo.code).toBe(1);
    expect(logo.stderr).toContain("Logotypen ”logo.png” är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte.");

    rmSync(join(dir, "remiss.config.yaml"));
    const templates = runCli(["draft", "arende.yaml", "--templates", "mallar"], { cwd: dir });
    expect(templates.code).toBe(2);
    expect(templates.stderr).toBe(
      `${join(dir, "mallar")}: mallarna går inte att läsa (den är ingen vanlig fil utan t.ex. en namngiven pipe eller en enhet). Kontrollera ”templates” i remiss.config.yaml eller --templates.\n`,
    );

    symlinkSync("/dev/zero", join(dir, "remiss.config.yaml"));
    const config = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(config.code).not.toBe(0);
    expect(config.stderr).toContain("remiss.config.yaml: är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte.");
    for (const result of [logo, templates, config]) expect(hasStackTrace(result.stderr)).toBe(false);
  }, 30_000);

  it("refuses a --fran document that is a named pipe at once", () => {
    execFileSync("mkfifo", [join(dir, "motion.pdf")]);
    const result = runCli(["init", "--fran", "motion.pdf"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("motion.pdf: är ingen vanlig fil (utan t.ex. en namngiven pipe eller en enhet) och läses inte. Ange en YAML-fil.\n");
    expect(existsSync(join(dir, "arende.yaml"))).toBe(false);
  });

  it("refuses an earlier draft that is a named pipe instead of waiting on it, and drafts the other cases", () => {
    writeFileSync(join(dir, "a.yaml"), MINIMAL);
    writeFileSync(join(dir, "b.yaml"), MINIMAL);
    execFileSync("mkfifo", [join(dir, "a.md")]);
    const result = runCli(["draft", "a.yaml", "b.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "a.md: filen finns men går inte att läsa (den är ingen vanlig fil utan t.ex. en namngiven pipe eller en enhet), så remiss kan inte se om den har ändrats för hand.",
    );
    expect(result.stdout).toBe("Skrev b.md och b.docx\n");
    const check = runCli(["draft", "a.yaml", "--check"], { cwd: dir });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("a.md: filen finns men går inte att läsa");
  });
});

describe("hand edits", () => {
  /** The CLI as a user who is not root (root reads anything): as nobody, through setpriv, when the tests run as root. */
  function asOtherUser(args: readonly string[]): { code: number | null; stderr: string } {
    const command = process.getuid?.() === 0 ? "setpriv" : process.execPath;
    const prefix = process.getuid?.() === 0 ? ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath] : [];
    const result = spawnSync(command, [...prefix, BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", REMISS_NO_CACHE: "1" } });
    return { code: result.status, stderr: result.stderr };
  }

  it("never takes a draft it cannot read for an absent one: a colleague's edit saved 0600 is not overwritten", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    expect(runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, "arende.md"), `${readFileSync(join(dir, "arende.md"), "utf8")}\nKollegans tillägg.\n`);
    chmodSync(join(dir, "arende.md"), 0o600);
    chmodSync(dir, 0o777);
    chmodSync(join(dir, "arende.yaml"), 0o644);
    const result = asOtherUser(["draft", "arende.yaml", "--format", "md"]);
    expect(result.stderr).toBe(
      "arende.md: filen finns men går inte att läsa (du har inte behörighet att läsa den), så remiss kan inte se om den har ändrats för hand. Den skrivs inte över; se till att du kan läsa den, eller flytta den, och kör igen.\n",
    );
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, "arende.md"), "utf8")).toContain("Kollegans tillägg.");
  });

  it("protects an edit saved with CRLF line ends, and calls an unedited CRLF checkout up to date", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    expect(runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir }).code).toBe(0);
    const lf = readFileSync(join(dir, "arende.md"), "utf8");
    // git's core.autocrlf on Windows: the same draft with CRLF.
    writeFileSync(join(dir, "arende.md"), lf.replace(/\n/gu, "\r\n"));
    const check = runCli(["draft", "arende.yaml", "--format", "md", "--check"], { cwd: dir });
    expect(check.stderr).toBe("Alla utkast stämmer med sina ärenden (1).\n");
    expect(check.code).toBe(0);

    const edited = lf.replace("Förvaltningen delar skribentens bild.", "Förvaltningen delar i stort skribentens bild.").replace(/\n/gu, "\r\n");
    writeFileSync(join(dir, "arende.md"), edited);
    const draft = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain("arende.md har ändrats för hand sedan remiss skrev den, och skrivs inte över.");
    expect(readFileSync(join(dir, "arende.md"), "utf8")).toBe(edited);
    const stale = runCli(["draft", "arende.yaml", "--format", "md", "--check"], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("arende.md: har ändrats för hand");
  });
});

describe("text in other encodings", () => {
  it("reads a case saved as UTF-16 with a BOM, little- and big-endian, in draft and check", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL.replace(/\n/gu, "\r\n"), "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(join(dir, "le.yaml"), le);
    writeFileSync(join(dir, "be.yaml"), be);
    const draft = runCli(["draft", "le.yaml", "be.yaml", "--format", "md"], { cwd: dir });
    expect(draft.stderr).toBe("2 utkast skrivna\n");
    expect(draft.code).toBe(0);
    expect(readFileSync(join(dir, "le.md"), "utf8")).toContain("Motion om fler fritidsgårdar");
    const check = runCli(["check", "le.yaml", "be.yaml"], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it("init --fran reads a text file saved as UTF-16 or as Windows-1252", () => {
    const text = "Motion om fler fritidsgårdar i Farsta\n\nJag föreslår att nämnden öppnar två nya gårdar.\n";
    writeFileSync(join(dir, "utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    writeFileSync(join(dir, "ansi.txt"), Buffer.from(text, "latin1"));
    for (const source of ["utf16.txt", "ansi.txt"]) {
      const target = source.replace(".txt", ".yaml");
      const result = runCli(["init", target, "--fran", source], { cwd: dir });
      expect(result.stderr, source).toBe("");
      expect(result.code).toBe(0);
      expect(readFileSync(join(dir, target), "utf8")).toContain("Motion om fler fritidsgårdar i Farsta");
    }
  });
});
