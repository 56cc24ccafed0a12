/** One file of the workspace, as the user typed it. */
export type SourceFile = {
  name: string;
  text: string;
};

/** A 1-based line and column, plus the 0-based character offset into the file. */
export type Position = {
  line: number;
  column: number;
  offset: number;
};

/** Where something stands in the user's files. */
export type SourceSpan = {
  file: string;
  start: Position;
  end: Position;
};
