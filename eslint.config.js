import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which part may import which (docs/architecture.md): the contract is imported through its index
 * only; the widget (which runs in browsers) imports nothing of the server side; the host server,
 * the mock CoWIN and the provider SDK import nothing of the widget, the host only its prerender
 * (the first step as HTML); the contract imports none of them.
 * React is imported by kycvs/react (widget/react) alone, which uses the loader through its index.
 */
const throughIndex = { group: ['**/contract/*'], message: 'Import the contract through its index: `…/contract`.' };
const part = (name, why) => ({ group: [`**/${name}`, `**/${name}/**`], message: why });
const widgetRules = [
  throughIndex,
  part('host-page', 'The widget runs in browsers: nothing of the host server. Share it through the contract.'),
  part('mock-api', 'The widget never talks to CoWIN, mocked or not.'),
  part('sdk', "The provider SDK runs on providers' servers."),
];
const react = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  message: "React is the integrator's: only widget/react (kycvs/react) imports it; the frame is Preact.",
};
const layers = [
  {
    files: ['widget/**'],
    ignores: ['widget/react/**'],
    patterns: [...widgetRules, react],
  },
  {
    // kycvs/react: a React face on the loader's render(), as an integrator would use it.
    files: ['widget/react/**'],
    patterns: [
      ...widgetRules,
      { group: ['**/loader/*'], message: 'Use the loader through its index, `../loader`, as the package does.' },
      {
        group: ['../*', '!../loader'],
        message: 'kycvs/react wraps the loader: the frame runs in its iframe, never in the React app.',
      },
    ],
  },
  {
    // The host renders the frame's first step (docs/architecture.md, "The first paint"): that one
    // seam, through its index, and nothing else of the widget.
    files: ['host-page/**'],
    patterns: [
      throughIndex,
      {
        regex: '(^|/)widget(/(?!prerender$).*)?$',
        message:
          'The host imports the widget only through `widget/prerender` (the first step as HTML); share the rest through the contract.',
      },
    ],
  },
  {
    files: ['sdk/**'],
    patterns: [
      throughIndex,
      part('widget', 'The provider SDK imports nothing of the widget: share it through the contract.'),
    ],
  },
  {
    files: ['mock-api/**'],
    patterns: [
      throughIndex,
      part('widget', 'The mock CoWIN imports nothing of the widget.'),
      part('host-page', 'The mock CoWIN imports nothing of the host: it stands for CoWIN.'),
      part('sdk', 'The mock CoWIN imports nothing of the provider SDK.'),
    ],
  },
  {
    // A provider's site: it knows the host by its URLs and the SDK, as any provider would. Its tests
    // may sign tokens with the host's own signer, to check the demo against what the host makes.
    files: ['demo/**'],
    ignores: ['demo/**/*.test.ts', 'demo/react/**'],
    patterns: [
      throughIndex,
      part('widget', 'The demo embeds the widget by its URL (embed.js, frame.html), never by import.'),
      part('host-page', "The demo is a provider's site: it knows the host by its URLs and the SDK."),
      part('mock-api', 'The demo never talks to CoWIN.'),
    ],
  },
  {
    // The React demo: a React app that uses kycvs/react as an integrator would, from source.
    files: ['demo/react/**'],
    patterns: [
      throughIndex,
      {
        group: ['**/widget/*', '!**/widget/react'],
        message: 'The React demo uses kycvs/react only: `…/widget/react`.',
      },
      part('host-page', "The demo is a provider's site: it knows the host by its URLs and the SDK."),
      part('mock-api', 'The demo never talks to CoWIN.'),
    ],
  },
  {
    files: ['contract/**'],
    patterns: ['widget', 'host-page', 'mock-api', 'sdk', 'demo'].map((name) =>
      part(name, 'The contract is what the parts agree on: it imports none of them.'),
    ),
  },
].map(({ files, ignores, patterns }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='postMessage'] > Literal[value='*']",
          message: "Never post to '*': send to the exact origin (docs/protocol.md).",
        },
      ],
    },
  },
  ...layers,
);
