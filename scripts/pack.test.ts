import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';

// The npm package as it would ship: built into a folder of its own (never the dist/ that a running
// host or another test may be serving), packed with npm itself, installed next to its two
// dependencies (and React, for kycvs/react), and used the way a provider's server and a portal's
// bundler would.

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kycvs-pack-'));
const pkg = join(work, 'package');
const app = join(work, 'app');

const run = (file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(file, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const npm = (args: string[], cwd: string) => run('npm', [...args, '--ignore-scripts', '--loglevel=error'], cwd);

beforeAll(() => {
  mkdirSync(pkg);
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const env = { ...process.env, KYCVS_DIST_DIR: join(pkg, 'dist') };
  for (const mode of ['embed', 'lib'])
    run(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'error'], root, env);
  for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    copyFileSync(join(root, file), join(pkg, file));
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The repository's own modules that the declarations cover: what the four entries reach. */
function declaredSources(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  )!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return program
    .getSourceFiles()
    .map((file) => relative(root, file.fileName))
    .filter((file) => !file.startsWith('..') && !file.includes('node_modules') && !file.endsWith('.d.ts'));
}

test('npm pack ships the four ES entries, their declarations, embed.js and nothing else', () => {
  const [report] = JSON.parse(npm(['pack', '--dry-run', '--json'], pkg)) as [{ files: { path: string }[] }];
  const files = report.files.map((f) => f.path).sort();

  const types = declaredSources().map((file) => 'dist/types/' + file.replace(/\.tsx?$/, '.d.ts'));
  expect(types).toContain('dist/types/widget/loader/index.d.ts');
  expect(types).toContain('dist/types/contract/protocol/index.d.ts');
  expect(types).toContain('dist/types/sdk/index.d.ts');
  expect(types).toContain('dist/types/widget/react/index.d.ts');
  expect(types.filter((file) => /test|fixture|host-page\/server|mock-api/.test(file))).toEqual([]);

  expect(files).toEqual(
    [
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'package.json',
      'dist/embed.js',
      'dist/lib/index.js',
      'dist/lib/protocol.js',
      'dist/lib/verify.js',
      'dist/lib/react.js',
      'dist/lib/chunks/debug.js',
      'dist/lib/chunks/loader.js',
      'dist/lib/chunks/shared.js',
      ...types,
    ].sort(),
  );
}, 60_000);

test('every path in the exports map is a file that ships', () => {
  const { exports, types } = JSON.parse(npm(['pkg', 'get', 'exports', 'types', '--json'], pkg)) as {
    exports: Record<string, string | Record<string, string>>;
    types: string;
  };
  expect(Object.keys(exports)).toEqual(['.', './protocol', './verify', './react', './embed.js', './package.json']);
  const targets = Object.values(exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  const shipped = new Set(listFiles(pkg).map((file) => './' + file));
  for (const target of [...targets, types]) expect(shipped, target).toContain(target);
}, 60_000);

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), base) : [relative(base, join(dir, entry.name))],
  );
}

/**
 * `npm install`s the packed tarball into an empty folder, as a provider would from the registry,
 * with React at the versions this repository tests (its optional peer, which kycvs/react needs).
 * npm fetches the dependencies as it would for anyone, from its cache when it has them.
 */
function install(): void {
  const tarball = npm(['pack', '--pack-destination', work], pkg).trim().split('\n').pop()!;
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'provider-app', private: true, type: 'module' }));
  const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const react = ['react', 'react-dom', '@types/react'].map((name) => `${name}@${devDependencies[name]}`);
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball), ...react], app);
}

test('on Node, with no DOM, each entry imports without touching a browser global', () => {
  install();
  // Traps on the globals a browser module might reach for at import time; none exists in Node.
  const script = `
    const touched = [];
    for (const name of ['window', 'document', 'location', 'navigator', 'self', 'customElements', 'HTMLElement',
      'MutationObserver', 'ResizeObserver', 'requestAnimationFrame', 'addEventListener', 'localStorage']) {
      const had = Object.getOwnPropertyDescriptor(globalThis, name);
      Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return had?.get ? had.get() : had?.value; } });
    }
    const loader = await import('kycvs');
    const protocol = await import('kycvs/protocol');
    const react = await import('kycvs/react');
    const browserEntries = touched.splice(0);
    // Server rendering: the component renders its empty container, and touches no browser global.
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const ssr = renderToString(createElement(react.KycvsVerify, { host: 'https://kycvs.example', provider: 'demo-irctc', className: 'kycvs' }));
    const serverRendering = touched.splice(0);
    // The server helper: jose reads navigator.userAgent (Node ≥ 21 has one), and no DOM global.
    const verify = await import('kycvs/verify');
    const serverEntry = touched.filter((name) => name !== 'navigator');
    const resolved = ['kycvs/embed.js', 'kycvs/package.json'].map((s) => import.meta.resolve(s).replace(/^.*node_modules\\//, ''));
    console.log(JSON.stringify({
      touched: [...browserEntries, ...serverRendering, ...serverEntry],
      loader: Object.keys(loader).sort(),
      react: Object.keys(react).sort(),
      ssr,
      protocol: ['FrameMessageSchema', 'parseFrameMessage', 'isFrameMessage', 'ErrorCode', 'supportedLanguages'].filter((k) => !(k in protocol)),
      parsed: protocol.parseFrameMessage({ ns: 'kycvs', v: 1, instance: '', type: 'ready', data: {} })?.type,
      verify: [typeof verify.verifyStatusToken, typeof verify.StatusTokenError, verify.StatusTokenErrorCode.EXPIRED],
      resolved,
    }));
  `;
  writeFileSync(join(app, 'check.mjs'), script);
  const result = JSON.parse(run(process.execPath, ['check.mjs'], app));
  expect(result).toEqual({
    touched: [],
    loader: ['ErrorCode', 'READY_TIMEOUT_MS', 'render'],
    react: ['KycvsVerify', 'useKycvs'],
    ssr: '<div class="kycvs"></div>',
    protocol: [],
    parsed: 'ready',
    verify: ['function', 'function', 'EXPIRED'],
    resolved: ['kycvs/dist/embed.js', 'kycvs/package.json'],
  });
}, 60_000);

test('the IIFE, kycvs/embed.js, runs as a script tag would run it: one global, KYCVS, with the package version', () => {
  // Runs after the install above. A DOM's bare minimum, in a context of its own: what the script
  // reaches for when it starts (its own script element, the containers, the custom element).
  const script = `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    import vm from 'node:vm';
    const file = createRequire(import.meta.url).resolve('kycvs/embed.js');
    const defined = [];
    const document = {
      currentScript: { src: 'https://kycvs.example/embed.js', hasAttribute: () => false },
      documentElement: { lang: 'en' },
      querySelector: () => null,
      querySelectorAll: () => [],
      readyState: 'complete',
      addEventListener: () => {},
    };
    const given = { document, URL,
      location: { href: 'https://portal.example/', origin: 'https://portal.example' },
      MutationObserver: class { observe() {} },
      HTMLElement: class {},
      customElements: { get: () => undefined, define: (name) => defined.push(name) },
    };
    const window = { ...given };
    window.window = window;
    vm.runInNewContext(readFileSync(file, 'utf8'), window);
    const added = Object.keys(window).filter((key) => key !== 'window' && !(key in given));
    console.log(JSON.stringify({ version: window.KYCVS.version, render: typeof window.KYCVS.render, defined, added }));
  `;
  writeFileSync(join(app, 'iife.mjs'), script);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  expect(JSON.parse(run(process.execPath, ['iife.mjs'], app))).toEqual({
    version,
    render: 'function',
    defined: ['kycvs-verify'],
    added: ['KYCVS'],
  });
});

test("a TypeScript consumer gets the package's types through the exports map", () => {
  // Runs after the install above (vitest runs a file's tests in order).
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        types: [],
        jsx: 'react-jsx',
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        // Our declarations are checked through their use below (and IsAny catches one that fell to any).
        skipLibCheck: true,
      },
      files: ['consumer.ts', 'react-consumer.tsx'],
    }),
  );
  writeFileSync(
    join(app, 'consumer.ts'),
    `
import { render, ErrorCode, type KycvsHandle, type KycvsResult, type KycvsErrorData } from 'kycvs';
import { FrameMessageSchema, type FrameMessage } from 'kycvs/protocol';
import { verifyStatusToken, StatusTokenError, type VerifiedStatusToken } from 'kycvs/verify';

type IsAny<T> = 0 extends 1 & T ? true : false;
const typed: [IsAny<KycvsHandle>, IsAny<FrameMessage>, IsAny<VerifiedStatusToken>, IsAny<typeof render>] = [false, false, false, false];
const handle: KycvsHandle = render('#kycvs', { provider: 'demo-irctc', lang: 'hi', debug: true }, 'https://kycvs.example');
const first: Promise<KycvsResult> = handle.result;
const code: KycvsErrorData['code'] = ErrorCode.FRAME_TIMEOUT;
// @ts-expect-error only the twelve languages
render('#kycvs', { provider: 'demo-irctc', lang: 'fr' }, 'https://kycvs.example');
// @ts-expect-error the host is required
render('#kycvs', { provider: 'demo-irctc' });
const message: FrameMessage | undefined = FrameMessageSchema.safeParse({}).data;
const verified: Promise<VerifiedStatusToken> = verifyStatusToken('t', { jwksUrl: 'https://kycvs.example/.well-known/jwks.json', audience: 'demo-irctc' });
const isError = (e: unknown) => e instanceof StatusTokenError && e.code === 'EXPIRED';
export { typed, first, code, message, verified, isError };
`,
  );
  writeFileSync(
    join(app, 'react-consumer.tsx'),
    `
import { KycvsVerify, useKycvs, type KycvsState, type UseKycvs } from 'kycvs/react';

type IsAny<T> = 0 extends 1 & T ? true : false;
const typed: [IsAny<UseKycvs>, IsAny<typeof KycvsVerify>] = [false, false];
export function Booking() {
  const { ref, state, result, error, reset }: UseKycvs = useKycvs({ host: 'https://kycvs.example', provider: 'demo-irctc' });
  const verified: boolean = state === ('verified' satisfies KycvsState);
  return (
    <form>
      <div ref={ref} />
      <KycvsVerify host="https://kycvs.example" provider="demo-travel" lang="hi" onResult={(r) => r.token.length} />
      {/* @ts-expect-error only the twelve languages */}
      <KycvsVerify host="https://kycvs.example" provider="demo-travel" lang="fr" />
      {/* @ts-expect-error the host is required */}
      <KycvsVerify provider="demo-travel" />
      <button disabled={!verified || !result} onClick={reset}>{error?.code}</button>
    </form>
  );
}
export { typed };
`,
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  let output = '';
  try {
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(output).toBe('');
}, 60_000);
