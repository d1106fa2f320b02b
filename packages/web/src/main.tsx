/**
 * Entry point of the entente workbench: mounts the application into `#root`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { boot } from './api/boot.js';
import { exposeHook } from './hook.js';
import { loadCytoscape } from './map/cytoscape-setup.js';
import './styles.css';

performance.mark('entente:start');
boot();
void loadCytoscape();
exposeHook({ mapReady: false, analysisTimes: [], analysisCached: [] });
const root = document.getElementById('root');
if (!root) throw new Error('entente workbench: no #root element in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
