// ESLint (flat config), run by `npm test` and `npm run lint` at zero errors and zero warnings.
// typescript-eslint with type information over every TypeScript file; the Office add-in rules
// (eslint-plugin-office-addins: load/sync mistakes a permissive fake hides) over the Excel code; React hooks rules over the pane.
// Formatting is Prettier's job (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The plugin's own `recommended` config also turns on Prettier-as-a-lint-rule and an old parser; take only its rules,
// at the levels the plugin recommends (warnings fail the run too: --max-warnings 0).
const officeAddinsRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) => name.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test-artifacts/', 'bench/out/', 'out/', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Hosts and bridges implement async interfaces; an in-memory or synchronous implementation has nothing to await.
      '@typescript-eslint/require-await': 'off',
      // The XML writers and their tests match the control characters XML 1.0 forbids, on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Tests read JSON.parse output, XML parse trees and fakes' recorded calls; the assertions check their shape.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // The fakes return object literals whose getters and methods act on the fake that made them.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    files: ['excel-addin/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  {
    files: ['**/*.tsx', 'ui/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
