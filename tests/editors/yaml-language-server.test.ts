import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.js";

/**
 * The editor experience, as VS Code's YAML extension gives it: the real
 * yaml-language-server, driven over stdio with the README's settings
 * (the shipped schemas, mapped so that a case and remiss.config.yaml do not
 * catch each other's schema). It must find the mistakes in a case, show the
 * Swedish descriptions on hover and complete a Markdown field with a block.
 */
const SERVER = join(ROOT, "node_modules", "yaml-language-server", "bin", "yaml-language-server");

interface Message {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
}

class Client {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly waiting = new Map<number, (message: Message) => void>();
  readonly notifications: Message[] = [];

  constructor(private readonly settings: Record<string, unknown>) {
    this.child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (data: Buffer) => this.receive(data));
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/u.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.id !== undefined && !message.method) {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      } else if (message.method === "workspace/configuration") {
        this.send({ id: message.id, result: (message.params.items as unknown[]).map(() => this.settings) });
      } else {
        this.notifications.push(message);
      }
    }
  }

  send(message: Record<string, unknown>): void {
    const text = JSON.stringify({ jsonrpc: "2.0", ...message });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  async start(): Promise<void> {
    await this.request("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: {} }, workspace: { configuration: true } },
    });
    this.send({ method: "initialized", params: {} });
    this.send({ method: "workspace/didChangeConfiguration", params: { settings: { yaml: this.settings } } });
  }

  async open(file: string, text: string): Promise<{ line: number; message: string }[]> {
    const uri = pathToFileURL(file).href;
    this.send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "yaml", version: 1, text } } });
    const started = Date.now();
    for (;;) {
      const published = this.notifications.filter((n) => n.method === "textDocument/publishDiagnostics" && n.params.uri === uri);
      if (published.length > 0 || Date.now() - started > 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const last = this.notifications.filter((n) => n.method === "textDocument/publishDiagnostics" && n.params.uri === uri).at(-1);
        return ((last?.params.diagnostics ?? []) as { range: { start: { line: number } }; message: string }[]).map((d) => ({ line: d.range.start.line, message: d.message }));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  stop(): void {
    this.child.kill();
  }
}

let dir: string;
let client: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "remiss-lsp-"));
  mkdirSync(join(dir, "arenden"));
  // The README's VS Code recipe, with the shipped schemas.
  client = new Client({
    validate: true,
    hover: true,
    completion: true,
    schemas: {
      [pathToFileURL(join(ROOT, "schema", "remiss.schema.json")).href]: [`${dir}/arenden/**/*.yaml`, "!**/remiss.config.yaml"],
      [pathToFileURL(join(ROOT, "schema", "remiss.config.schema.json")).href]: "**/remiss.config.yaml",
    },
  });
  await client.start();
}, 60_000);
afterAll(() => {
  client.stop();
  rmSync(dir, { recursive: true, force: true });
});

const CASE = [
  "forvaltning:",
  "  namn: Farsta stadsdelsförvaltning",
  "  namnd: Farsta stadsdelsnämnd",
  "remiss:",
  "  fran: Kommunstyrelsen",
  "remissobjekt:",
  "  typ: interpellation",
  "  titel: Motion om fler fritidsgårdar",
  "  forfatare:",
  "    - namn: Alva Berg",
  "  beskrivning: |",
  "    Text.",
  "  yrkanden: [Att öppna fler fritidsgårdar.]",
  "sammanfattning: x",
  "synpunkter: ",
  "barnrattsanalys: x",
  "jamstalldhetsanalys: x",
  "underskrifter:",
  "  - namn: Eva Ek",
  "    titel: Stadsdelsdirektör",
  "",
].join("\n");

describe("a case in the editor", () => {
  it("marks the two mistakes: a kind that does not exist and a misspelt key", async () => {
    const file = join(dir, "arenden", "arende.yaml");
    writeFileSync(file, CASE);
    const findings = await client.open(file, CASE);
    expect(findings.filter((f) => f.line === 6 || f.line === 8).map((f) => f.line).sort()).toEqual([6, 8]);
    expect(findings.find((f) => f.line === 6)?.message).toContain("medborgarforslag");
    expect(findings.find((f) => f.line === 8)?.message).toContain("forfatare");
  }, 60_000);

  it("shows the Swedish description on hover", async () => {
    const uri = pathToFileURL(join(dir, "arenden", "arende.yaml")).href;
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 7, character: 4 } });
    expect(JSON.stringify(hover.result?.contents)).toContain("Dokumentets titel, ordagrant");
  }, 30_000);

  it("completes a Markdown field with an indented block", async () => {
    const uri = pathToFileURL(join(dir, "arenden", "arende.yaml")).href;
    const completion = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 14, character: 12 } });
    const items = (completion.result?.items ?? completion.result ?? []) as { label: string; insertText?: string }[];
    expect(items.find((i) => i.label === "Text (Markdown)")?.insertText).toBe("|\n  ${1:Skriv texten här.}");
  }, 30_000);
});

describe("remiss.config.yaml in the editor", () => {
  it("is checked against the config's schema only, with “menade du” left to remiss itself", async () => {
    const file = join(dir, "arenden", "remiss.config.yaml");
    const text = "husstil:\n  dokument: Tjänsteskrivelse\n  fraser:\n    inledningen: X\n";
    writeFileSync(file, text);
    const findings = await client.open(file, text);
    expect(findings.map((f) => f.line)).toEqual([3]);
    expect(findings.some((f) => /remiss|sammanfattning/u.test(f.message))).toBe(false);
  }, 60_000);
});
