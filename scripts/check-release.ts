// `npm run check:release`: the release's published facts agree with the build (docs/versions.md).
// Run after `npm run build`: the integrity of dist/embed.js must be the one docs/versions.md and
// CHANGELOG.md give for this package version, or a page that pins it would get no widget.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embedIntegrity } from './integrity';
import { releaseProblems } from './release-facts';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = process.env.KYCVS_DIST_DIR || root + 'dist';
const read = (file: string) => readFileSync(root + file, 'utf8');

const integrity = embedIntegrity(distDir);
const problems = releaseProblems({
  version: (JSON.parse(read('package.json')) as { version: string }).version,
  integrity,
  changelog: read('CHANGELOG.md'),
  versionsDoc: read('docs/versions.md'),
});
if (problems.length > 0) {
  console.error(problems.map((p) => `✗ ${p}`).join('\n'));
  process.exit(1);
}
console.log(`The release's published facts agree with the build (embed.js ${integrity}).`);
