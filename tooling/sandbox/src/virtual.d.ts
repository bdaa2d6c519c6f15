/** Provided by `@crmkit/sandbox/vite`: where the page finds the prebuilt snapshot of a data set. */
declare module 'virtual:crmkit-sandbox/snapshots' {
  export function snapshotUrls(name: string): { data: string; manifest: string } | undefined;
}
