import type { BuildOptions } from 'esbuild';
export const webviewBuildOptions: BuildOptions;
export function copyWebviewAssets(root?: string): void;
