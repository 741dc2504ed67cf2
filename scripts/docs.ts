/**
 * The generated sections of the docs, rendered from the code: each component's args interface (doc comments,
 * types), its defaults, its field map (what replaces the compute) and the name rules go to docs/reference.md;
 * the dev stack's plan and the policy table to README.md. `npm run docs` writes them between markers; a test
 * fails when a document is stale.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import {
    ATTACHED_FIELDS_BY_TYPE,
    ATTACHED_RESOURCE_TYPES,
    AttachedComputeType,
    INFERENCE_FIELDS_BY_TYPE,
} from "../components";
import { FieldsByType } from "../components/core/validation/fieldsByType";
import { AnyComputeKind } from "../components/core/pulumi/component";
import { formatType } from "../components/core/azure/resourceIds";
import { POLICIES } from "../policy/policies";
import { FieldMap, FieldTarget, pathsOf } from "../components/core/pulumi/fieldMap";
import { COMPUTE_NAME_RULES } from "../components/core/azure/names";
import { COMPONENT_REGISTRY } from "../components/registry";
import { stackKindFor } from "../adopt/convert";
import { undeclaredSettings, whyNotExpressible } from "../adopt/notExpressible";
import { REST_FACTS } from "../adopt/restFacts";

const ROOT = path.resolve(__dirname, "..");
export const README = path.join(ROOT, "README.md");
export const REFERENCE = path.join(ROOT, "docs", "reference.md");

/** Which generated sections each document carries. */
export const DOCUMENTS: Readonly<Record<string, readonly string[]>> = {
    [README]: ["plan-dev", "policies", "not-expressible"],
    [REFERENCE]: [
        "name-rules",
        "ComputeCluster",
        "ComputeInstance",
        "InferenceCluster",
        "inference-types",
        "AttachedCompute",
        "attached-types",
    ],
};

/** What the README documents about one component. */
interface DocumentedComponent {
    readonly name: string;
    /** The args interface, e.g. `ComputeClusterArgs`. */
    readonly args: string;
    readonly fields: FieldMap<object>;
    /** Defaults by field path (`vmPriority`, `schedules[].timeZone`). */
    readonly defaults: Readonly<Record<string, unknown>>;
    readonly immutable: readonly string[];
}

/** A component's docs: its name, field map and immutable list come from its kind. */
function documented(
    kind: AnyComputeKind,
    args: string,
    defaults: Readonly<Record<string, unknown>>,
): DocumentedComponent {
    return { name: kind.name, args, fields: kind.fieldMap as FieldMap<object>, defaults, immutable: kind.immutable };
}

export const COMPONENTS: readonly DocumentedComponent[] = COMPONENT_REGISTRY.map((c) =>
    documented(c.kind, c.docs.args, c.docs.defaults),
);

/** What each type of a component takes: from the same table its rules check; `extra` adds a column before the lists. */
function renderFieldsByType(
    byType: FieldsByType<string, string>,
    typeArg: string,
    extra?: { readonly header: string; readonly cell: (type: string) => string },
): string {
    const list = (names: readonly string[]) => (names.length > 0 ? names.map((n) => `\`${n}\``).join(", ") : "-");
    const rows = Object.entries(byType).map(
        ([type, { required, optional }]) =>
            `| \`${type}\` |${extra ? ` ${extra.cell(type)} |` : ""} ${list(required)} | ${list(optional)} |`,
    );
    const header = `| ${typeArg} |${extra ? ` ${extra.header} |` : ""} requires | also takes |`;
    return [header, `|---|${extra ? "---|" : ""}---|---|`, ...rows, ""].join("\n");
}

/** What each attach type takes. */
export function renderAttachedTypes(): string {
    return renderFieldsByType(ATTACHED_FIELDS_BY_TYPE, "type", {
        header: "resourceId of",
        cell: (type) => `\`${formatType(ATTACHED_RESOURCE_TYPES[type as AttachedComputeType].kind)}\``,
    });
}

/** What each inference compute type takes. */
export function renderInferenceTypes(): string {
    return renderFieldsByType(INFERENCE_FIELDS_BY_TYPE, "computeType");
}

/** The REST settings no component declares, by compute type, with why (adopt/notExpressible.ts). */
export function renderNotExpressible(): string {
    const rows = Object.keys(REST_FACTS).flatMap((type) => {
        const kind = stackKindFor(type);
        if (kind === undefined)
            return [`| \`${type}\` | (the whole type) | the library manages no ${type} compute; adopt skips it |`];
        return undeclaredSettings(kind, type).map(
            (setting) =>
                `| \`${type}\` | \`${setting}\` | ${whyNotExpressible(type, setting) ?? "(no reason given)"} |`,
        );
    });
    return ["| compute type | setting | why no component declares it |", "|---|---|---|", ...rows, ""].join("\n");
}

/** Every source file that declares an args interface or a type they use: the components' own, and the shared ones. */
const SOURCES = [
    ...COMPONENT_REGISTRY.map((c) => c.docs.source),
    "components/customServices.ts",
    "components/nodeSettings.ts",
    "components/core/pulumi/component.ts",
    "components/core/pulumi/baseArgs.ts",
    "components/core/azure/identity.ts",
    "components/core/azure/workspace.ts",
    "components/core/azure/vmSizes.ts",
    "components/core/azure/durations.ts",
];

/** One documented member of an interface. */
interface Member {
    readonly name: string;
    readonly optional: boolean;
    readonly type: string;
    readonly doc: string;
    /** The interface the member's value is, when it is one of ours (its members get rows of their own). */
    readonly nested?: string;
    /** Whether the value is a list of `nested`. */
    readonly list?: boolean;
}

class Declarations {
    private readonly checker: ts.TypeChecker;
    private readonly interfaces = new Map<string, ts.InterfaceDeclaration>();
    private readonly aliases = new Map<string, ts.TypeAliasDeclaration>();

    constructor() {
        const program = ts.createProgram(
            SOURCES.map((s) => path.join(ROOT, s)),
            {
                strict: true,
                module: ts.ModuleKind.CommonJS,
                target: ts.ScriptTarget.ES2022,
                esModuleInterop: true,
                resolveJsonModule: true,
                skipLibCheck: true,
            },
        );
        this.checker = program.getTypeChecker();
        for (const source of SOURCES) {
            const file = program.getSourceFile(path.join(ROOT, source));
            if (!file) throw new Error(`cannot read ${source}`);
            for (const statement of file.statements) {
                if (ts.isInterfaceDeclaration(statement)) this.interfaces.set(statement.name.text, statement);
                if (ts.isTypeAliasDeclaration(statement)) this.aliases.set(statement.name.text, statement);
            }
        }
    }

    /** The members of an interface, those of the interfaces it extends first. */
    members(name: string): Member[] {
        const declaration = this.interfaces.get(name);
        if (!declaration) throw new Error(`interface ${name} is not declared in ${SOURCES.join(", ")}`);
        const inherited = (declaration.heritageClauses ?? []).flatMap((clause) =>
            clause.types.flatMap((t) => this.members(t.expression.getText())),
        );
        const own = declaration.members.filter(ts.isPropertySignature).map((member) => this.member(member));
        return [...inherited, ...own];
    }

    private member(member: ts.PropertySignature): Member {
        const name = member.name.getText();
        const symbol = this.checker.getSymbolAtLocation(member.name);
        const doc = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.checker)) : "";
        const inner = unwrapInput(member.type?.getText() ?? "unknown");
        // `InstanceSchedule[]`: a list of one of our interfaces gets rows for its items' fields (`schedules[].action`).
        const element = inner.endsWith("[]") ? inner.slice(0, -2) : undefined;
        const nested = this.interfaces.has(inner)
            ? inner
            : element !== undefined && this.interfaces.has(element)
              ? element
              : undefined;
        const type = nested === undefined ? this.describeType(inner) : nested === inner ? "object" : "object[]";
        return {
            name,
            optional: member.questionToken !== undefined,
            type,
            doc: doc.replace(/\s+/g, " ").trim(),
            nested,
            list: nested === element,
        };
    }

    /** `VmPriority` -> `"Dedicated" \| "LowPriority"`: aliases of ours are shown as what they allow. */
    private describeType(text: string): string {
        if (text.endsWith("[]")) {
            const element = this.describeType(text.slice(0, -2));
            return element.includes("|") ? `(${element})[]` : `${element}[]`;
        }
        const alias = this.aliases.get(text);
        if (!alias) return text;
        const type = this.checker.getTypeAtLocation(alias.name);
        return this.checker.typeToString(
            type,
            undefined,
            ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias,
        );
    }
}

/** `pulumi.Input<pulumi.Input<string>[]>` -> `string[]`. */
function unwrapInput(text: string): string {
    let previous: string;
    let current = text.replace(/\s+/g, " ");
    do {
        previous = current;
        current = current.replace(/pulumi\.Input<([^<>]*(?:<[^<>]*>[^<>]*)*)>/g, "$1");
    } while (current !== previous);
    return current;
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function change(target: FieldTarget | undefined): string {
    if (target === undefined) return "";
    if (pathsOf(target).length === 0) return "checked only";
    return target.replaces ? "**replaces**" : "in place";
}

function renderDefault(value: unknown): string {
    return value === undefined ? "" : `\`${JSON.stringify(value)}\``;
}

/** The reference table and replacement list of one component. */
export function renderComponent(component: DocumentedComponent, declarations = new Declarations()): string {
    const rows: string[] = [];
    const addRows = (interfaceName: string, prefix: string) => {
        for (const member of declarations.members(interfaceName)) {
            const field = `${prefix}${member.name}`;
            // A nested field shares its object's row: adding, removing or changing the object is one change.
            const own = prefix === "" ? component.fields[member.name as keyof object] : undefined;
            const required = member.optional ? "" : " (required)";
            rows.push(
                `| \`${field}\`${required} | ${cell(`\`${member.type}\``)} | ${renderDefault(component.defaults[field])} | ${change(own)} | ${cell(member.doc)} |`,
            );
            if (member.nested) addRows(member.nested, member.list ? `${field}[].` : `${field}.`);
        }
    };
    addRows(component.args, "");
    return [
        `### ${component.name}`,
        "",
        "| field | type | default | change | description |",
        "|---|---|---|---|---|",
        ...rows,
        "",
        `A change to any of these child paths replaces the compute (delete first, then create: the name is fixed): ${component.immutable.map((p) => `\`${p}\``).join(", ")}.`,
        "",
    ].join("\n");
}

/** The compute name rules, as the code applies them. */
export function renderNameRules(): string {
    return COMPUTE_NAME_RULES.map((rule) => `- ${rule}`).join("\n") + "\n";
}

/** What `npm run plan -- --stack dev` prints, run as users run it. */
export function renderPlanExample(): string {
    const output = execFileSync(
        process.execPath,
        [path.join(ROOT, "bin/azureml-compute.js"), "plan", "--stack", "dev"],
        {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...process.env, INIT_CWD: ROOT },
        },
    );
    return ["```", "$ npm run plan -- --stack dev", output.trimEnd(), "```", ""].join("\n");
}

/** The policy pack's policies, their levels and what they check. */
export function renderPolicies(): string {
    const rows = POLICIES.map(
        (p) => `| \`${p.name}\` | ${p.enforcementLevel ?? "advisory"} | ${cell(p.description)} |`,
    );
    return ["| policy | level | checks |", "|---|---|---|", ...rows, ""].join("\n");
}

/** Every generated section, by marker name. */
export function renderSections(): Record<string, string> {
    const declarations = new Declarations();
    const sections: Record<string, string> = {
        "name-rules": renderNameRules(),
        "plan-dev": renderPlanExample(),
        "attached-types": renderAttachedTypes(),
        "inference-types": renderInferenceTypes(),
        "not-expressible": renderNotExpressible(),
        policies: renderPolicies(),
    };
    for (const component of COMPONENTS) sections[component.name] = renderComponent(component, declarations);
    return sections;
}

const marker = (name: string, end: boolean) => `<!-- ${end ? "END" : "BEGIN"} GENERATED ${name} (npm run docs) -->`;

/** A document's text with each of its generated sections (`names`) replaced by its current rendering. */
export function updateDocument(
    file: string,
    text: string,
    sections: Readonly<Record<string, string>> = renderSections(),
    names = DOCUMENTS[file] ?? [],
): string {
    let result = text;
    for (const name of names) {
        const begin = marker(name, false);
        const end = marker(name, true);
        const from = result.indexOf(begin);
        const to = result.indexOf(end);
        if (from < 0 || to < from)
            throw new Error(`${path.relative(ROOT, file)} has no "${begin}" ... "${end}" section`);
        result = `${result.slice(0, from + begin.length)}\n${sections[name]}${result.slice(to)}`;
    }
    return result;
}

/** Rewrites every document in place; returns the ones that changed. */
export function writeDocs(): string[] {
    const sections = renderSections();
    const changed: string[] = [];
    for (const file of Object.keys(DOCUMENTS)) {
        const before = fs.readFileSync(file, "utf8");
        const after = updateDocument(file, before, sections);
        if (after !== before) {
            fs.writeFileSync(file, after);
            changed.push(path.relative(ROOT, file));
        }
    }
    return changed;
}
