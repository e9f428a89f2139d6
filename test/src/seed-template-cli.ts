import { seedTemplateData } from './template-data.js';

// Run by vitest.global-setup.ts in a process of its own: vitest's setup runner cannot import the
// subgraphs the way Node does (subgraphs/registry.json resolves them with import.meta.resolve).
const dir = process.argv[2];
if (!dir) throw new Error('usage: seed-template-cli.ts <empty folder>');
await seedTemplateData(dir);
