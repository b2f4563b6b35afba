import { fixed4Mm, pointMm, trimmedMm } from './number-format.js';

export const DIALECTS = ['grbl', 'linuxcnc', 'fanuc'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(value: unknown): value is Dialect {
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value);
}

/** What differs between controllers; the program itself is dialect-free. */
export interface DialectStyle {
  engine_id: `post.${Dialect}`;
  /** Lines before the header comments (`%` tape marks, the FANUC program number). */
  preamble: string[];
  postamble: string[];
  comment(text: string): string;
  coordinate(um: number): string;
  feed(mmPerMin: number): string;
  /** G/M words by role. */
  rapid: string;
  linear: string;
  cw: string;
  ccw: string;
  setup: string;
  spindle_on: string;
  spindle_off: string;
  program_end: string;
  dwell(seconds: number): string;
}

/** Comment text limited to characters every controller accepts inside a comment. */
function commentText(text: string): string {
  return text.replace(/[^A-Za-z0-9 .,:_+\-/=]/g, ' ').replace(/ +/g, ' ').trim();
}

const GRBL: DialectStyle = {
  engine_id: 'post.grbl',
  preamble: [],
  postamble: [],
  comment: (text) => `; ${commentText(text)}`,
  coordinate: trimmedMm,
  feed: (f) => String(f),
  rapid: 'G0',
  linear: 'G1',
  cw: 'G2',
  ccw: 'G3',
  setup: 'G17 G21 G90 G94',
  spindle_on: 'M3',
  spindle_off: 'M5',
  program_end: 'M30',
  dwell: (s) => `G4 P${s}`,
};

const LINUXCNC: DialectStyle = {
  engine_id: 'post.linuxcnc',
  preamble: ['%'],
  postamble: ['%'],
  comment: (text) => `(${commentText(text)})`,
  coordinate: fixed4Mm,
  feed: (f) => String(f),
  rapid: 'G0',
  linear: 'G1',
  cw: 'G2',
  ccw: 'G3',
  setup: 'G17 G21 G90 G94 G40 G49',
  spindle_on: 'M3',
  spindle_off: 'M5',
  program_end: 'M30',
  dwell: (s) => `G4 P${s}`,
};

const FANUC: DialectStyle = {
  engine_id: 'post.fanuc',
  preamble: ['%', 'O0001 (ROSETTE)'],
  postamble: ['%'],
  comment: (text) => `(${commentText(text).toUpperCase()})`,
  coordinate: pointMm,
  feed: (f) => `${f}.`,
  rapid: 'G00',
  linear: 'G01',
  cw: 'G02',
  ccw: 'G03',
  setup: 'G17 G21 G40 G49 G80 G90 G94',
  spindle_on: 'M03',
  spindle_off: 'M05',
  program_end: 'M30',
  // FANUC's G04 P counts milliseconds and takes no decimal point.
  dwell: (s) => `G04 P${Math.round(s * 1000)}`,
};

export const DIALECT_STYLES: Readonly<Record<Dialect, DialectStyle>> = Object.freeze({ grbl: GRBL, linuxcnc: LINUXCNC, fanuc: FANUC });
