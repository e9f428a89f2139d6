import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { exampleBureauService } from './server.js';

await runServiceMain(exampleBureauService);
