// An independent reading of the generated G-code: gcode-parser (npm) tokenises every
// line, and this small interpreter replays the modal state to measure the geometry.
// Hand-written because no npm interpreter reports arcs, feeds and spindle per move.
import { parseLine } from 'gcode-parser';

export interface Point {
  x: number;
  y: number;
  z: number;
}

export interface Move {
  line: number;
  kind: 'rapid' | 'linear' | 'arc';
  from: Partial<Point>;
  to: Partial<Point>;
  feed: number | undefined;
  spindleRpm: number; // 0 when the spindle is off
  /** Arcs only: the centre (absolute) and the radius measured at the start and at the end. */
  centre?: { x: number; y: number };
  startRadius?: number;
  endRadius?: number;
  dir?: 'cw' | 'ccw';
}

export interface Interpretation {
  moves: Move[];
  codes: { line: number; word: string }[];
  comments: string[];
  /** Lines the parser could not turn into words (neither blank, a comment nor a `%` tape mark). */
  unparsed: { line: number; text: string }[];
}

const TOKEN = /[A-Z][-+]?(\d+\.?\d*|\.\d+)/g;

export function interpret(gcode: string): Interpretation {
  const moves: Move[] = [];
  const codes: { line: number; word: string }[] = [];
  const comments: string[] = [];
  const unparsed: { line: number; text: string }[] = [];
  const pos: Partial<Point> = {};
  let motion: 'rapid' | 'linear' | 'cw' | 'ccw' | undefined;
  let feed: number | undefined;
  let rpm = 0;
  let spindleOn = false;

  gcode.split('\n').forEach((text, index) => {
    const line = index + 1;
    const parsed = parseLine(text, { lineMode: 'compact' });
    comments.push(...(parsed.comments ?? []));
    if (parsed.words.length === 0) {
      const blankOrTapeMark = parsed.line === '' || parsed.line === '%';
      if (!blankOrTapeMark) unparsed.push({ line, text });
      return;
    }
    // Every token of the compacted line must come back as a numeric word: nothing silently dropped.
    const tokens = parsed.line.toUpperCase().match(TOKEN) ?? [];
    if (tokens.join('') !== parsed.line.toUpperCase() || tokens.length !== parsed.words.length || parsed.words.some(([, v]) => typeof v !== 'number' || !Number.isFinite(v))) {
      unparsed.push({ line, text });
      return;
    }
    const target: Partial<Point> = {};
    let i: number | undefined;
    let j: number | undefined;
    let dwell = false;
    for (const [letter, value] of parsed.words as [string, number][]) {
      switch (letter) {
        case 'G':
          codes.push({ line, word: `G${value}` });
          if (value === 0) motion = 'rapid';
          else if (value === 1) motion = 'linear';
          else if (value === 2) motion = 'cw';
          else if (value === 3) motion = 'ccw';
          else if (value === 4) dwell = true;
          break;
        case 'M':
          codes.push({ line, word: `M${value}` });
          if (value === 3 || value === 4) spindleOn = true;
          if (value === 5 || value === 30 || value === 2) spindleOn = false;
          break;
        case 'S':
          rpm = value;
          break;
        case 'F':
          feed = value;
          break;
        case 'X':
          target.x = value;
          break;
        case 'Y':
          target.y = value;
          break;
        case 'Z':
          target.z = value;
          break;
        case 'I':
          i = value;
          break;
        case 'J':
          j = value;
          break;
        default:
          codes.push({ line, word: `${letter}${value}` });
      }
    }
    const moving = !dwell && (target.x !== undefined || target.y !== undefined || target.z !== undefined);
    if (!moving) return;
    if (!motion) throw new Error(`line ${line}: axis words with no motion mode`);
    const from = { ...pos };
    const to: Partial<Point> = { x: target.x ?? pos.x, y: target.y ?? pos.y, z: target.z ?? pos.z };
    const base = { line, from, to, feed, spindleRpm: spindleOn ? rpm : 0 };
    if (motion === 'cw' || motion === 'ccw') {
      if (i === undefined || j === undefined || from.x === undefined || from.y === undefined) {
        throw new Error(`line ${line}: an arc needs I, J and a known start point`);
      }
      const centre = { x: from.x + i, y: from.y + j };
      moves.push({
        ...base,
        kind: 'arc',
        dir: motion,
        centre,
        startRadius: Math.hypot(from.x - centre.x, from.y - centre.y),
        endRadius: Math.hypot((to.x as number) - centre.x, (to.y as number) - centre.y),
      });
    } else {
      moves.push({ ...base, kind: motion });
    }
    Object.assign(pos, to);
  });
  return { moves, codes, comments, unparsed };
}

/** The farthest any point of the move gets from the origin in XY (arcs: |centre| + radius, an upper bound). */
export function maxXYRadius(move: Move): number {
  const ends = [move.from, move.to].filter((p) => p.x !== undefined && p.y !== undefined).map((p) => Math.hypot(p.x as number, p.y as number));
  if (move.kind === 'arc' && move.centre) ends.push(Math.hypot(move.centre.x, move.centre.y) + Math.max(move.startRadius ?? 0, move.endRadius ?? 0));
  return Math.max(...ends);
}

/** The XY length of a move (arcs: the swept arc length). */
export function xyLength(move: Move): number {
  const { from, to } = move;
  if (from.x === undefined || from.y === undefined || to.x === undefined || to.y === undefined) return 0;
  if (move.kind !== 'arc' || !move.centre) return Math.hypot(to.x - from.x, to.y - from.y);
  const a0 = Math.atan2(from.y - move.centre.y, from.x - move.centre.x);
  const a1 = Math.atan2(to.y - move.centre.y, to.x - move.centre.x);
  let sweep = move.dir === 'ccw' ? a1 - a0 : a0 - a1;
  if (sweep <= 0) sweep += 2 * Math.PI;
  return (move.startRadius ?? 0) * sweep;
}
