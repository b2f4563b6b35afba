// gcode-parser ships no type declarations; only the synchronous calls the tests use are declared.
declare module 'gcode-parser' {
  export interface ParsedLine {
    line: string;
    words: [string, number | string][];
    comments?: string[];
    cmds?: string[];
  }
  export function parseLine(line: string, options?: { flatten?: boolean; lineMode?: 'original' | 'stripped' | 'compact' }): ParsedLine;
  export function parseStringSync(text: string, options?: { flatten?: boolean; lineMode?: 'original' | 'stripped' | 'compact' }): ParsedLine[];
}
