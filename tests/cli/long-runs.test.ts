import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, ROOT, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 22, "Long runs and signals": the PDF step in chunks and on a
 * signal, output that cannot be written. LibreOffice is stood in for by a
 * script named soffice on PATH, which behaves as LibreOffice 7.4 does where
 * it matters: it converts only the first FAKE_LIMIT files of one call, says
 * "convert … -> …" for each, and (with FAKE_HANG) starts a child and waits,
 * as a LibreOffice busy with a long batch does.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");

const FAKE_SOFFICE = `#!/bin/sh
[ -n "$FAKE_CALLS" ] && echo call >> "$FAKE_CALLS"
if [ -n "$FAKE_HANG" ]; then
  sleep 600 &
  echo "$$ $!" > "$FAKE_HANG.tmp" && mv "$FAKE_HANG.tmp" "$FAKE_HANG"
  wait
fi
outdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) outdir="$2"; shift 2; break ;;
    *) shift ;;
  esac
done
n=0
for f in "$@"; do
  n=$((n + 1))
  [ "$n" -gt "\${FAKE_LIMIT:-245}" ] && break
  out="$outdir/$(basename "$f" .docx).pdf"
  printf '%%PDF-1.4 fake\\n' > "$out"
  echo "convert $f -> $out using filter : writer_pdf_Export"
done
exit 0
`;

let dir: string;
let bin: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-long-"));
  bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "soffice"), FAKE_SOFFICE);
  chmodSync(join(bin, "soffice"), 0o755);
  mkdirSync(join(dir, "tmp"));
  mkdirSync(join(dir, "arenden"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cases(count: number): string[] {
  const names = Array.from({ length: count }, (_, i) => `fall${String(i + 1).padStart(2, "0")}.yaml`);
  for (const name of names) writeFileSync(join(dir, "arenden", name), MINIMAL);
  return names;
}

/** The environment of a run with the stand-in LibreOffice first on PATH and its temporary folders in the test's. */
function fakeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`, TMPDIR: join(dir, "tmp"), ...extra };
}

describe("a PDF batch larger than one LibreOffice call takes", () => {
  it("converts in chunks, says each chunk, and writes every case's PDF", () => {
    const names = cases(7);
    const result = runCli(["draft", "arenden", "--format", "md,pdf"], {
      cwd: dir,
      env: fakeEnv({ FAKE_LIMIT: "3", REMISS_PDF_CHUNK: "3", FAKE_CALLS: join(dir, "calls") }),
    });
    expect(result.stderr).toBe(
      ["PDF: LibreOffice gör ärende 1–3 av 7 …", "PDF: LibreOffice gör ärende 4–6 av 7 …", "PDF: LibreOffice gör ärende 7–7 av 7 …", "7 utkast skrivna", ""].join("\n"),
    );
    expect(result.code).toBe(0);
    for (const name of names) expect(existsSync(join(dir, "arenden", name.replace(".yaml", ".pdf"))), name).toBe(true);
    expect(readFileSync(join(dir, "calls"), "utf8")).toBe("call\ncall\ncall\n");
    expect(readdirSync(join(dir, "tmp"))).toEqual([]);
  });

  it("names the case, not a temporary file, when LibreOffice makes no PDF of it, and writes the others", () => {
    cases(6);
    const result = runCli(["draft", "arenden", "--format", "md,pdf"], { cwd: dir, env: fakeEnv({ FAKE_LIMIT: "2", REMISS_PDF_CHUNK: "3" }) });
    expect(result.code).toBe(2);
    const lines = result.stderr.split("\n").filter((l) => l.includes("inget skrevs"));
    expect(lines).toEqual([
      "arenden/fall03.yaml: inget skrevs, eftersom LibreOffice inte gjorde någon PDF av det. Skriv ärendet med --format md,docx och öppna Word-dokumentet i LibreOffice för att se vad som är fel.",
      "arenden/fall06.yaml: inget skrevs, eftersom LibreOffice inte gjorde någon PDF av det. Skriv ärendet med --format md,docx och öppna Word-dokumentet i LibreOffice för att se vad som är fel.",
    ]);
    expect(result.stderr).toMatch(/4 utkast skrivna, 2 fel\n$/u);
    expect(existsSync(join(dir, "arenden", "fall03.md"))).toBe(false);
    expect(existsSync(join(dir, "arenden", "fall04.pdf"))).toBe(true);
  });
});

/** True while a process with this id exists (a zombie not yet reaped counts until it is). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `condition` holds, checking every 20 ms, at most `ms`; whether it held. */
async function until(condition: () => boolean, ms = 20_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe("a signal during the PDF step", () => {
  for (const [signal, expected] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    it(`${signal} ends LibreOffice's process group, removes the temporary folder and exits ${expected}`, async () => {
      cases(6);
      const pids = join(dir, "pids");
      const child = spawn(process.execPath, [BIN, "draft", "arenden", "--format", "md,docx,pdf"], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: "1", ...fakeEnv({ FAKE_HANG: pids }) },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
      // The progress line, then LibreOffice (the stand-in) running with a child of its own.
      expect(await until(() => stderr.includes("PDF: LibreOffice gör ärende 1–6 av 6 …") && existsSync(pids))).toBe(true);
      expect(readdirSync(join(dir, "tmp")).filter((name) => name.startsWith("remiss-pdf-"))).toHaveLength(1);
      child.kill(signal);
      expect(await closed).toBe(expected);
      const [shell, sleeper] = readFileSync(pids, "utf8").trim().split(" ").map(Number);
      expect(await until(() => !alive(shell!) && !alive(sleeper!), 5_000)).toBe(true);
      expect(readdirSync(join(dir, "tmp"))).toEqual([]);
      expect(readdirSync(join(dir, "arenden")).filter((name) => !name.endsWith(".yaml"))).toEqual([]);
      expect(hasStackTrace(stderr)).toBe(false);
    });
  }
});

describe("output that cannot be written", () => {
  /** The CLI with standard output on /dev/full: every write fails with ENOSPC. */
  function toFullDisk(args: readonly string[]): { code: number | null; stderr: string } {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: ["ignore", full, "pipe"], encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      return { code: result.status, stderr: result.stderr };
    } finally {
      closeSync(full);
    }
  }

  it.skipIf(!existsSync("/dev/full"))("is one Swedish line and exit 2, for check, --help, schema and draft --stdout alike", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    for (const args of [["check", "arende.yaml"], ["--help"], ["help", "draft"], ["schema"], ["draft", "--stdout", "arende.yaml"]]) {
      const result = toFullDisk(args);
      expect(result.stderr, args.join(" ")).toBe("remiss: kunde inte skriva till standard ut, eftersom disken är full. Kontrollera vart utskriften skickas.\n");
      expect(result.code, args.join(" ")).toBe(2);
    }
  });
});

/** A PDF of text pages (Helvetica, one line per entry), with a valid cross-reference table; `bomb` is one more page's zlib content stream. */
function textPdf(pages: readonly (readonly string[])[], bomb?: Uint8Array): Buffer {
  const objects: (string | Buffer)[] = [];
  const pageRefs: number[] = [];
  // 1 catalog, 2 pages, 3 font; then per page its page object and its content stream.
  const all = [...pages.map((lines) => ({ lines })), ...(bomb ? [{ bomb }] : [])];
  all.forEach((page, index) => {
    const pageObj = 4 + 2 * index;
    pageRefs.push(pageObj);
    objects[pageObj] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageObj + 1} 0 R >>`;
    if ("bomb" in page) {
      objects[pageObj + 1] = Buffer.concat([Buffer.from(`<< /Length ${page.bomb!.length} /Filter /FlateDecode >>\nstream\n`), Buffer.from(page.bomb!), Buffer.from("\nendstream")]);
    } else {
      const content = `BT /F1 10 Tf 50 800 Td 12 TL ${page.lines.map((line) => `(${line}) '`).join(" ")} ET`;
      objects[pageObj + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
    }
  });
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(" ")}] /Count ${pageRefs.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = length;
    const body = objects[n]!;
    const part = Buffer.concat([Buffer.from(`${n} 0 obj\n`), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n")]);
    parts.push(part);
    length += part.length;
  }
  const xref = [`xref\n0 ${objects.length}\n0000000000 65535 f \n`, ...offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

describe("init --fran on large PDFs", () => {
  it("reads the first pages of a 500-page document and writes a case that draft takes", () => {
    const line = "Kommunen ska utreda hur fler fritidsgardar kan oppnas i alla stadsdelar under de kommande aren.";
    const pages = Array.from({ length: 500 }, (_, p) => [`Motion om fler fritidsgardar, sida ${p + 1}`, ...Array.from({ length: 40 }, () => line)]);
    writeFileSync(join(dir, "stor.pdf"), textPdf(pages));
    const init = runCli(["init", "arende.yaml", "--fran", "stor.pdf"], { cwd: dir });
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    const written = readFileSync(join(dir, "arende.yaml"));
    expect(written.length).toBeLessThan(1024 * 1024);
    const draft = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(draft.stderr).not.toMatch(/får vara högst|får ha högst/u);
    expect(draft.code).toBe(0);
  }, 60_000);

  it("refuses a Flate bomb at once, without inflating it", async () => {
    const { deflateSync } = await import("node:zlib");
    const bomb = deflateSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    writeFileSync(join(dir, "bomb.pdf"), textPdf([["Motion om fler fritidsgardar"]], bomb));
    const started = Date.now();
    const init = runCli(["init", "arende.yaml", "--fran", "bomb.pdf"], { cwd: dir });
    expect(init.stderr).toBe(
      "bomb.pdf: PDF-filen packas upp till mer än 128 MB och läses inte; den är troligen skadad eller gjord för att fylla minnet. Spara den på nytt som PDF, eller använd Word-dokumentet.\n",
    );
    expect(init.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(existsSync(join(dir, "arende.yaml"))).toBe(false);
  }, 60_000);
});
