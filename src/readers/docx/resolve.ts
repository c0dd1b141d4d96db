import type { DocxParagraph, Marker, Revision, Segment } from "./read.js";

/**
 * The document as it reads with every tracked change accepted or rejected
 * (pandoc's `--track-changes=accept|reject`): inserted text is kept or
 * dropped, deleted text dropped or kept, and a paragraph whose mark was
 * inserted (rejected) or deleted (accepted) runs on into the next one, as
 * in Word. Hidden text (w:vanish) is absent text. Formatting changes keep
 * the text as it stands.
 */
export type ChangeMode = "accept" | "reject";

export interface ResolvedParagraph extends Omit<DocxParagraph, "segments" | "mark" | "formatChange"> {
  readonly segments: readonly Segment[];
}

export function resolveChanges(paragraphs: readonly DocxParagraph[], mode: ChangeMode): ResolvedParagraph[] {
  const out: ResolvedParagraph[] = [];
  let carried: { segments: Segment[]; markers: Marker[] } | undefined;
  for (const paragraph of paragraphs) {
    const kept = paragraph.segments.filter((s) => !s.hidden && keeps(s.revision, mode)).map(withoutRevision);
    let segments = kept;
    let markers = [...paragraph.markers];
    if (carried) {
      const shift = carried.segments.reduce((sum, s) => sum + s.text.length, 0);
      segments = [...carried.segments, ...kept];
      markers = [...carried.markers, ...paragraph.markers.map((m) => ({ ...m, offset: m.offset + shift }))];
      carried = undefined;
    }
    // The mark goes: this paragraph's text runs on into the next.
    const markGoes = paragraph.mark !== undefined && !keeps(paragraph.mark, mode);
    if (markGoes && paragraph !== paragraphs.at(-1) && paragraphs[paragraphs.indexOf(paragraph) + 1]?.table === paragraph.table) {
      carried = { segments, markers };
      continue;
    }
    if (markGoes && segments.every((s) => s.text.trim() === "" && s.footnote === undefined)) {
      // A whole paragraph taken out: its markers stay with the paragraph before it.
      const last = out.at(-1);
      if (last && markers.length > 0) (last.markers as Marker[]).push(...markers.map((m) => ({ ...m, offset: textLength(last) })));
      continue;
    }
    const { segments: _s, mark: _m, formatChange: _f, ...rest } = paragraph;
    out.push({ ...rest, segments, markers });
  }
  return out;
}

function keeps(revision: Revision | undefined, mode: ChangeMode): boolean {
  if (!revision) return true;
  return mode === "accept" ? revision.kind === "ins" : revision.kind === "del";
}

function withoutRevision(segment: Segment): Segment {
  if (!segment.revision && !segment.formatChange) return segment;
  const { revision: _r, formatChange: _f, ...rest } = segment;
  return rest;
}

function textLength(paragraph: ResolvedParagraph): number {
  return paragraph.segments.reduce((sum, s) => sum + s.text.length, 0);
}

/** One tracked change, as `import` lists it. */
export interface PendingChange {
  readonly paragraph: number;
  readonly kind: "ins" | "del" | "format";
  readonly author?: string;
  readonly date?: string;
  readonly text: string;
}

/** Every tracked change in the paragraphs, neighbouring runs of one change as one. */
export function pendingChanges(paragraphs: readonly DocxParagraph[]): PendingChange[] {
  const changes: PendingChange[] = [];
  for (const paragraph of paragraphs) {
    let current: { kind: PendingChange["kind"]; author?: string; date?: string; text: string } | undefined;
    const flush = () => {
      if (current) changes.push({ paragraph: paragraph.index, ...current });
      current = undefined;
    };
    for (const segment of paragraph.segments) {
      const revision = segment.revision ?? (segment.formatChange ? { ...segment.formatChange, kind: "format" as const } : undefined);
      if (!revision) {
        flush();
        continue;
      }
      const kind = segment.revision ? segment.revision.kind : "format";
      if (current && current.kind === kind && current.author === revision.author) current.text += segment.text;
      else {
        flush();
        current = { kind, text: segment.text, ...(revision.author !== undefined ? { author: revision.author } : {}), ...(revision.date !== undefined ? { date: revision.date } : {}) };
      }
    }
    flush();
    // A paragraph mark inserted or deleted together with a whole paragraph's text (here or in the next paragraph) is that text's change, listed already.
    const next = paragraphs[paragraphs.indexOf(paragraph) + 1];
    const whole = (p: DocxParagraph | undefined, kind: string) => p !== undefined && p.segments.length > 0 && p.segments.every((s) => s.revision?.kind === kind);
    if (paragraph.mark && !whole(paragraph, paragraph.mark.kind) && !whole(next, paragraph.mark.kind)) {
      changes.push({ paragraph: paragraph.index, kind: paragraph.mark.kind, text: "¶", ...(paragraph.mark.author !== undefined ? { author: paragraph.mark.author } : {}) });
    }
    if (paragraph.formatChange) changes.push({ paragraph: paragraph.index, kind: "format", text: "", ...(paragraph.formatChange.author !== undefined ? { author: paragraph.formatChange.author } : {}) });
  }
  return changes;
}
