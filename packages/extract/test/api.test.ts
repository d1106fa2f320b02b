import { describe, expect, it } from 'vitest';
import * as extract from '../src/index.js';

// The public API is listed by hand in src/index.ts; this pins it so that a change is deliberate.
describe('@entente/extract public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(extract).sort()).toEqual([
      'CAMEO_CLASSES',
      'CUES',
      'EXTRACT_VERSION',
      'MAX_DOCUMENT_CHARS',
      'applyReview',
      'buildActorIndex',
      'cameoVerbs',
      'compareWithCase',
      'createReader',
      'documentText',
      'extract',
      'formatOfName',
      'gazetteerEntries',
      'htmlToText',
      'nameKey',
      'resolveDates',
      'sha256',
      'textPolarity',
      'utf8Bytes',
    ]);
  });
});
