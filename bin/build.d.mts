export declare const BUILD_DIR: string;
/** Bundle `entries` ({ outName: sourcePath relative to the project root }) into `outdir` (default BUILD_DIR). */
export declare function bundle(entries: Record<string, string>, outdir?: string): Promise<void>;
