/// <reference types="vite/client" />
// vite/client: `import.meta.env` (hook.ts exists only when the build mode is `test`).
// Type declarations for the Cytoscape extensions that ship without them.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';

  const fcose: Ext;
  export default fcose;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  const svg: Ext;
  export default svg;
}
