/** The layout workers' bundles as text (scripts/build.mjs builds them into the preview's bundle). */
declare module 'ppnet:layout-worker/grid' {
  const source: string;
  export default source;
}
declare module 'ppnet:layout-worker/elk' {
  const source: string;
  export default source;
}
