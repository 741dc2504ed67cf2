// The linter's rules: typescript-eslint's recommended set, with the few exceptions this code base needs,
// each with its reason. Formatting is prettier's job (`npm run format:check`), not the linter's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: [
            "**/node_modules/**",
            "dist/**",
            "dist-bench/**",
            ".tools/**",
            ".sim/**",
            "scratch/**",
            ".tmp-projects/**",
            "**/bin/**/*.js",
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            // Unused names are errors, except those that start with "_" (kept to show a shape or a position).
            "@typescript-eslint/no-unused-vars": [
                "error",
                { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
            ],
        },
    },
    {
        // Tests read what was registered and what the simulated Azure received: untyped JSON, asserted leaf by leaf.
        files: ["tests/**/*.ts", "e2e/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
);
