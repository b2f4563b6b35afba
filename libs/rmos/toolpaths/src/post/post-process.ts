import type { ProgramOp } from '../program.js';
import type { DialectStyle } from './dialects.js';

/** Turns the dialect-free program into G-code text: one statement a line, `\n` endings, a final newline. */
export function postProcess(program: ProgramOp[], style: DialectStyle, headerComments: string[]): string {
  const lines: string[] = [...style.preamble, ...headerComments.map((c) => style.comment(c))];
  const at: { x?: number; y?: number; z?: number } = {};
  let feed: number | undefined;
  const c = style.coordinate;

  // Axis words only for what changes, and F only when the feed changes (both are modal).
  const axes = (op: { x?: number; y?: number; z?: number }, always: boolean): string => {
    let words = '';
    for (const axis of ['x', 'y', 'z'] as const) {
      const value = op[axis];
      if (value === undefined || (!always && at[axis] === value)) continue;
      words += ` ${axis.toUpperCase()}${c(value)}`;
      at[axis] = value;
    }
    return words;
  };
  const feedWord = (f: number): string => {
    if (f === feed) return '';
    feed = f;
    return ` F${style.feed(f)}`;
  };

  for (const op of program) {
    switch (op.op) {
      case 'comment':
        lines.push(style.comment(op.text));
        break;
      case 'setup':
        lines.push(style.setup);
        break;
      case 'rapid': {
        const words = axes(op, false);
        if (words) lines.push(`${style.rapid}${words}`);
        break;
      }
      case 'linear': {
        const words = axes(op, false);
        if (words) lines.push(`${style.linear}${words}${feedWord(op.feed)}`);
        break;
      }
      case 'arc': {
        const xy = axes({ x: op.x, y: op.y }, true);
        const z = axes({ z: op.z }, false);
        lines.push(`${op.dir === 'cw' ? style.cw : style.ccw}${xy}${z} I${c(op.i)} J${c(op.j)}${feedWord(op.feed)}`);
        break;
      }
      case 'spindle_on':
        lines.push(`${style.spindle_on} S${op.rpm}`);
        break;
      case 'dwell':
        lines.push(style.dwell(op.seconds));
        break;
      case 'spindle_off':
        lines.push(style.spindle_off);
        break;
      case 'end':
        lines.push(style.program_end);
        break;
    }
  }
  lines.push(...style.postamble);
  return `${lines.join('\n')}\n`;
}
