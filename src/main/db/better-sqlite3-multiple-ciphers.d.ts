/**
 * Types for better-sqlite3-multiple-ciphers 13. The package ships index.d.ts, but its "exports" map has
 * no "types" condition, so TypeScript's Bundler resolution cannot find it. This declares the part of
 * the API the store uses (same shapes as the shipped file).
 */
declare module 'better-sqlite3-multiple-ciphers' {
  namespace Database {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }

    interface Statement<BindParameters extends unknown[] = unknown[], Result = unknown> {
      readonly source: string;
      readonly reader: boolean;
      run(...params: BindParameters): RunResult;
      get(...params: BindParameters): Result | undefined;
      all(...params: BindParameters): Result[];
      iterate(...params: BindParameters): IterableIterator<Result>;
      pluck(toggleState?: boolean): this;
      raw(toggleState?: boolean): this;
    }

    interface Transaction<F extends (...args: never[]) => unknown> {
      (...params: Parameters<F>): ReturnType<F>;
      deferred(...params: Parameters<F>): ReturnType<F>;
      immediate(...params: Parameters<F>): ReturnType<F>;
      exclusive(...params: Parameters<F>): ReturnType<F>;
    }

    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      timeout?: number;
    }

    interface PragmaOptions {
      simple?: boolean;
    }

    interface BackupMetadata {
      totalPages: number;
      remainingPages: number;
    }

    interface Database {
      readonly memory: boolean;
      readonly readonly: boolean;
      readonly name: string;
      readonly open: boolean;
      readonly inTransaction: boolean;
      prepare<BindParameters extends unknown[] = unknown[], Result = unknown>(
        source: string,
      ): Statement<BindParameters, Result>;
      transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
      exec(source: string): this;
      pragma(source: string, options?: PragmaOptions): unknown;
      /** sqlite3_key / sqlite3_rekey with the bytes as given (SQLite3 Multiple Ciphers). */
      key(key: Buffer): number;
      rekey(key: Buffer): number;
      function(name: string, cb: (...params: unknown[]) => unknown): this;
      close(): this;
      backup(destinationFile: string): Promise<BackupMetadata>;
      serialize(): Buffer;
    }

    interface SqliteError extends Error {
      code: string;
    }
  }

  interface DatabaseConstructor {
    new (filename?: string, options?: Database.Options): Database.Database;
    SqliteError: new (message: string, code: string) => Database.SqliteError;
  }

  const Database: DatabaseConstructor;
  export = Database;
}
