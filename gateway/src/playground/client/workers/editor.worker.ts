// Monaco's editor worker (diffs, word ranges…), bundled as its own file; see main.tsx.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
