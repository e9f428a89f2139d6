import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { identityService } from './server.js';

await runServiceMain(identityService);
