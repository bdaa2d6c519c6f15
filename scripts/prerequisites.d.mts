/** Types of prerequisites.mjs (plain JavaScript, so that scripts/test.mjs can run it before anything is built). */
export declare const chromiumPath: () => string;
export declare function nodeProblem(version?: string): string | null;
export declare function installProblem(): string | null;
export declare function chromiumProblem(path?: string): string | null;
export declare function npmProblem(): string | null;
export declare function portProblems(
  ports: { port: number; flag: string; what: string }[],
  host: string,
  command?: string,
): Promise<string[]>;
export declare function stopOn(problems: (string | null)[], what: string): void;
