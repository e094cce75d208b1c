/**
 * What another strategy sent (a plug-in's body, a proxy's captured request) measured as the engine's
 * output is: its parts laid over the original request's by path, so each part counts before and after
 * (a part it removed counts 0 after; one it added counts 0 before).
 */
import type { CanonicalRequest } from '../../engine/request/canonical-request.ts';
import type { CompressedRequest, PartResult } from '../../engine/compress-request.ts';
import { pathKey } from '../../engine/request/request-parts.ts';
import { findMarkers } from '../../store/marker.ts';

/** The request passed unchanged, every block of it failed with `error` (a strategy that could not run). */
export function failedRequest(
  request: CanonicalRequest,
  name: string,
  error: string,
  started: number,
): CompressedRequest {
  const parts: PartResult[] = request.parts.map((part) => ({
    part,
    outcome: part.compressible ? { state: 'failed', kind: null, compressor: name, error, ms: 0 } : null,
    decidedNow: part.compressible,
    text: part.text,
  }));
  return {
    request,
    edits: { strings: new Map() },
    parts,
    stats: { blocksChanged: 0, markers: 0, ms: performance.now() - started, retrieveToolAdded: false },
  };
}

/** The body a strategy sent laid over the original request's parts. */
export function laidOver(
  request: CanonicalRequest,
  body: CanonicalRequest,
  name: string,
  started: number,
): CompressedRequest {
  const after = new Map(body.parts.map((part) => [pathKey(part.path), part]));
  const parts: PartResult[] = [];
  let changed = 0,
    markers = 0;
  for (const part of request.parts) {
    const key = pathKey(part.path);
    const sent = after.get(key);
    after.delete(key);
    const text = sent?.text ?? '';
    if (!part.compressible) {
      parts.push({ part, outcome: null, decidedNow: false, text });
      continue;
    }
    if (text === part.text) {
      parts.push({ part, outcome: { state: 'passed', kind: null, reason: 'no-gain', ms: 0 }, decidedNow: true, text });
      continue;
    }
    const found = findMarkers(text).length;
    changed++;
    markers += found;
    parts.push({
      part,
      outcome: { state: 'compressed', kind: 'text', compressor: name, text, lossy: true, dropped: [], ms: 0 },
      decidedNow: true,
      text,
    });
  }
  // Parts only the new body has: counted after, nothing before.
  for (const part of after.values())
    parts.push({ part: { ...part, text: '', compressible: false }, outcome: null, decidedNow: false, text: part.text });
  return {
    request,
    edits: { strings: new Map() },
    parts,
    stats: { blocksChanged: changed, markers, ms: performance.now() - started, retrieveToolAdded: false },
  };
}
