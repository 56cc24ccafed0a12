/** Why a saved or linked workspace could not be read, or what had to be repaired to read it. */
export type WorkspaceProblemCode =
  | 'WS-NOT-JSON'
  | 'WS-NOT-OBJECT'
  | 'WS-VERSION-UNKNOWN'
  | 'WS-VERSION-NEWER'
  | 'WS-FILES-MISSING'
  | 'WS-FILE-DROPPED'
  | 'WS-FILE-RENAMED'
  | 'WS-TOO-MANY-FILES'
  | 'WS-FIELD-IGNORED'
  | 'WS-UNREADABLE'
  | 'WS-LINK-UNREADABLE';

export type WorkspaceProblem = {
  code: WorkspaceProblemCode;
  /** fatal problems leave nothing to open; the others were repaired */
  fatal: boolean;
  message: string;
  /** where in the input, as a dotted path (`files.3.name`) */
  path?: string;
};

/** A problem that stops the workspace from opening. */
export function fatal(code: WorkspaceProblemCode, message: string, path?: string): WorkspaceProblem {
  return { code, fatal: true, message, ...(path ? { path } : {}) };
}

/** A problem that was repaired on the way in. */
export function repaired(code: WorkspaceProblemCode, message: string, path?: string): WorkspaceProblem {
  return { code, fatal: false, message, ...(path ? { path } : {}) };
}
