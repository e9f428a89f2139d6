// Monaco's JSON language worker, for the variables and headers editors; see main.tsx.
import 'monaco-editor/esm/vs/language/json/json.worker.js';
