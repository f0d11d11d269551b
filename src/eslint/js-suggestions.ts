// In JavaScript and TypeScript files ESLint has the parser's AST and scope
// manager; this module uses them to check the core's suggestion edits before the
// editor offers them. It never changes which findings are reported or where: a
// finding the core makes is always reported (the CLI reports it too), and its
// edits are offered exactly as `token-guard fix` would apply them, or not at all.
//
// Edits are withheld when the AST shows they cannot be right:
//  - the value is not inside a string the parser sees (a lexer/parser disagreement);
//  - the string sits where the rewrite is not valid code: a JSX attribute value
//    not turned into `{…}`, an `as const` left on an env lookup, an import
//    source, a literal type, a key, a string enum member;
//  - an edit boundary would cut through a token outside the string (between
//    another string's quotes is fine: `process.env["<token>"] ?? "<token>"` has
//    its lookup renamed there);
//  - a "reference" finding whose variable scope analysis shows is never read:
//    the core matched another binding of the same name, so rewriting this one
//    would not take the token out of the request.

import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Edit, Finding } from "../detect/types.js";

type StringNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral | TSESTree.JSXText;

/** The edits to offer as a suggestion for `finding`; empty when the AST says they do not fit. */
export function editsThatFit(sourceCode: Readonly<TSESLint.SourceCode>, finding: Finding): readonly Edit[] {
  const { edits } = finding.suggestion;
  if (edits.length === 0 || finding.inComment) return edits;
  const literal = stringNodeAt(sourceCode, finding.start);
  if (!literal || literal.type === "JSXText" || !fitsContext(literal, edits)) return [];
  if (!edits.every((edit) => isBoundary(sourceCode, literal, edit.start) && isBoundary(sourceCode, literal, edit.end))) return [];
  if (finding.context === "reference" && bindingIsRead(sourceCode, literal) === false) return [];
  return edits;
}

/** The string literal, template literal or JSX text that holds `index`, if any. */
function stringNodeAt(sourceCode: Readonly<TSESLint.SourceCode>, index: number): StringNode | undefined {
  const node = sourceCode.getNodeByRangeIndex(index);
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") return node as TSESTree.StringLiteral;
  if (node.type === "TemplateLiteral") return node;
  if (node.type === "TemplateElement" && node.parent.type === "TemplateLiteral") return node.parent;
  if (node.type === "JSXText") return node;
  return undefined;
}

/** Whether the edits leave valid code where `literal` stands (an expression or a template literal may replace it). */
function fitsContext(literal: StringNode, edits: readonly Edit[]): boolean {
  const parent = literal.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "JSXAttribute": {
      // Only as an expression container: `authToken={process.env.X}`.
      const whole = edits.find((edit) => edit.start <= literal.range[0] && edit.end >= literal.range[1]);
      return whole !== undefined && whole.text.startsWith("{") && whole.text.endsWith("}");
    }
    case "ImportDeclaration":
    case "ExportAllDeclaration":
    case "ExportNamedDeclaration":
    case "ImportAttribute":
    case "TSLiteralType":
    case "TSExternalModuleReference":
    case "TSModuleDeclaration":
    case "TSImportType":
    case "TSEnumMember":
      return false;
    case "TSAsExpression":
    case "TSTypeAssertion": {
      // `"…" as const` only compiles on a literal: the edits must take the assertion away.
      const type = parent.typeAnnotation;
      return !isConstAssertion(type) || edits.some((edit) => edit.start <= type.range[0] && edit.end >= type.range[1]);
    }
    case "Property":
    case "PropertyDefinition":
    case "AccessorProperty":
    case "MethodDefinition":
    case "TSPropertySignature":
    case "TSAbstractPropertyDefinition":
      return parent.key !== literal || parent.computed;
    default:
      return true;
  }
}

/** `as const` / `<const>`: only literals may take it. */
function isConstAssertion(type: TSESTree.TypeNode): boolean {
  return type.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "const";
}

/**
 * An edit may start or end inside the string it rewrites, between the quotes of
 * another string (a lookup's name), or exactly between tokens (a fallback's
 * removal starts where the lookup ends); never elsewhere mid-token.
 */
function isBoundary(sourceCode: Readonly<TSESLint.SourceCode>, literal: StringNode, offset: number): boolean {
  if (offset >= literal.range[0] && offset <= literal.range[1]) return true;
  const tokens = sourceCode.ast.tokens;
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const token = tokens[middle]!;
    if (offset < token.range[0]) high = middle - 1;
    else if (offset > token.range[1]) low = middle + 1;
    else return offset === token.range[0] || offset === token.range[1] || (token.type === "String" && offset > token.range[0] && offset < token.range[1]);
  }
  return true; // between two tokens (whitespace)
}

/**
 * Scope analysis for a "reference" finding: whether the variable the literal is
 * bound to is ever read. Undefined when the binding is not a plain variable
 * (`obj.t = "…"`, `"…" as const`), which the scope manager cannot answer.
 */
function bindingIsRead(sourceCode: Readonly<TSESLint.SourceCode>, literal: StringNode): boolean | undefined {
  const parent = literal.parent;
  let variable: TSESLint.Scope.Variable | null | undefined;
  if (parent?.type === "VariableDeclarator" && parent.init === literal && parent.id.type === "Identifier") {
    variable = sourceCode.getDeclaredVariables(parent)[0];
  } else if (parent?.type === "AssignmentExpression" && parent.right === literal && parent.left.type === "Identifier") {
    const target = parent.left;
    variable = sourceCode.getScope(parent).references.find((reference) => reference.identifier === target)?.resolved;
  }
  if (!variable) return undefined;
  return variable.references.some((reference) => reference.isRead());
}
