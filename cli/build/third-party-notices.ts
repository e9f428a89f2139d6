import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The licence of every package the bundle contains, with its text: the tarball redistributes
 * their code (graphql and redis under MIT, @apollo/composition under the Elastic License 2.0, …).
 */
export function thirdPartyNotices(repositoryRoot: string, bundledInputs: string[]): string {
  const packages = new Map<string, string>();
  for (const input of bundledInputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1]!, match[1]!);
  }
  const sections = [...packages.keys()].sort().map((dir) => {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const licenceFile = existsSync(join(repositoryRoot, dir))
      ? readdirSync(join(repositoryRoot, dir)).find((file) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(file))
      : undefined;
    const text = licenceFile ? readFileSync(join(repositoryRoot, dir, licenceFile), 'utf8').trim() : '(no licence file in the package)';
    return `${manifest.name} ${manifest.version} — ${manifest.license ?? 'no licence field'}\n\n${text}`;
  });
  return `govgraph CLI: the third-party packages bundled into govgraph.mjs and their licences.\n\n${sections.join(`\n\n${'='.repeat(72)}\n\n`)}\n`;
}
