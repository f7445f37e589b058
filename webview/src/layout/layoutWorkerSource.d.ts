/** The layout worker's bundle as text (scripts/build.mjs builds it into the preview's bundle). */
declare module 'ppnet:layout-worker' {
  const source: string;
  export default source;
}
