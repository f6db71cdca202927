// Lint: typescript-eslint's recommended rules, and the project's boundaries. The layers, top to bottom; each may
// import only the layers below it, and folders of one layer never import each other:
//   src/app                         entry points: npm start, the CLI, the shared start-up
//   src/discord, src/terminal       adapters (discord.js only in src/discord)
//   src/runtime                     settings (the environment, read once), paths, logging
//   commands/                       one file per command: options in, Answer out
//   src/digest                      the digest core (what is new, state, schedule; posts through ports)
//   src/kit, src/questions          the command kit (options, dispatch, Answer), the question router
//   src/library                     the Library and its derived views
//   src/extraction                  meetings, pledges and people found in a briefing
//   src/briefings, src/search       loading and cleaning; the index and its text analysis
// Circular imports between files are refused by import-x/no-cycle (value imports) and `npm run check:cycles`
// (madge, type imports too).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const layers = [
  ["src/app"],
  ["src/discord", "src/terminal"],
  ["src/runtime"],
  ["commands"],
  ["src/digest"],
  ["src/kit", "src/questions"],
  ["src/library"],
  ["src/extraction"],
  ["src/briefings", "src/search"],
  ["src/text"],
];

/** Each folder may not import a folder of a higher layer, nor one of its own layer. */
const zones = layers.slice(1).flatMap((folders, i) =>
  folders.map((target) => ({
    target: `./${target}`,
    from: layers
      .slice(0, i + 1)
      .flat()
      .map((f) => `./${f}`),
    message: `${target} is below these folders (see eslint.config.js): pass what it needs down instead.`,
  })),
);
for (const folders of layers)
  for (const target of folders) {
    const siblings = folders.filter((f) => f !== target).map((f) => `./${f}`);
    if (siblings.length)
      zones.push({ target: `./${target}`, from: siblings, message: "folders of one layer do not import each other." });
  }

export default tseslint.config(
  { ignores: ["node_modules/", ".cache/", "bench/tmp/", "bench/results/", "data/", "state/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mjs", "**/*.js"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver()],
      // Parse .ts files when following imports (no-cycle reads the modules it walks through).
      "import-x/extensions": [".ts", ".mts", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".mts"] },
    },
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts", "commands/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": ["error", { zones }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["src/**/*.ts", "commands/**/*.ts"],
    ignores: ["src/discord/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["discord.js", "@discordjs/*", "discord-api-types", "discord-api-types/*"],
              message: "discord.js belongs in src/discord only.",
            },
          ],
        },
      ],
    },
  },
);
