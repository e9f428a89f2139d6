import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { disclosureService } from './server.js';

await runServiceMain(disclosureService);
