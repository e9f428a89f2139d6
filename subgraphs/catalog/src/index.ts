import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { catalogService } from './server.js';

await runServiceMain(catalogService);
