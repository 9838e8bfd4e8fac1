// Reporter configuration for `playwright merge-reports` (crm-conformance merge): the shards'
// blob reports become one HTML report and one JUnit file in CRM_CONFORMANCE_MERGE_OUT.
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEFAULT_REPORTS_DIR } from '../paths.js';

const out = process.env.CRM_CONFORMANCE_MERGE_OUT ?? DEFAULT_REPORTS_DIR;

export default defineConfig({
  reporter: [
    ['html', { outputFolder: path.join(out, 'html'), open: 'never' }],
    ['junit', { outputFile: path.join(out, 'junit.xml') }],
  ],
});
