/**
 * Where files to import (backups to restore, agency keys, handover packages and receipts) come from. The main process always picks the file
 * itself: in the desktop app with the system's open dialog, in the preview and tests from a list of
 * files in one folder that main made and the renderer chooses from by name. A path from the renderer
 * is never opened.
 */
export type ImportKind = 'backup' | 'agencyKey' | 'handover' | 'receipt';

/** A file the user may choose, as the renderer sees it: a name, never a path. */
export interface ImportCandidate {
  name: string;
  bytes: number;
  modifiedAt: string;
}

/** A file main has picked; `path` stays in main. */
export interface PickedFile extends ImportCandidate {
  path: string;
}

export interface ImportSource {
  /** 'dialog': main asks with a native open dialog; 'list': the renderer chooses from list(). */
  readonly mode: 'dialog' | 'list';
  /** The files the renderer may choose from (always empty for a dialog). */
  list(kind: ImportKind): Promise<ImportCandidate[]>;
  /**
   * Dialog: asks the user (name is ignored). List: the listed file with exactly this name, if it is
   * still there. Null when the user cancelled or there is no such file.
   */
  pick(kind: ImportKind, name: string | null): Promise<PickedFile | null>;
}

/** For contexts with nowhere to import from: nothing to list, nothing to pick. */
export const noImportSource: ImportSource = {
  mode: 'list',
  list: async () => [],
  pick: async () => null,
};

/** File name extensions per import kind (what the dialog filters to and the folder lists). */
export const IMPORT_EXTENSIONS: Record<ImportKind, readonly string[]> = {
  backup: ['db'],
  agencyKey: ['fskey'],
  handover: ['fshandover'],
  receipt: ['fsreceipt'],
};
