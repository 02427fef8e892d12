import { timeAt, type Line } from './lines.js';
import type { ChunkTimes, TranscriptItem } from './types.js';

/** A plain-text transcript (a build log): every non-empty line is a text item. */
export function parseTextLine(line: Line, times: ChunkTimes | undefined): TranscriptItem[] {
  if (line.text.trim() === '') return [];
  const ts = timeAt(times, line.endOffset);
  return [{ kind: 'text', line: line.no, text: line.text, ...(ts === undefined ? {} : { ts }) }];
}
