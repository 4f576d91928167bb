/**
 * The name a string literal is bound to, found by climbing from the literal through the syntax tree: the variable
 * it initialises, the field it is assigned to, the key it is stored under, the parameter it defaults, the function
 * it is passed to or the name it is compared with. Grammars differ, so the climb is driven by the node tables in
 * `node-types.ts`; this module holds only the climbing logic.
 */
import type { Node } from '../tree-api';
import { Frame } from './ancestry';
import { ContextKind, NameContext } from './facts';
import {
  ARGUMENT_LISTS,
  ASSIGNMENT_ALIKE,
  CALL_TYPES,
  COMPARE_FUNCTIONS,
  CONVERSION_FUNCTIONS,
  CONVERSION_METHODS,
  COPY_FUNCTIONS,
  EQUALITY_OPERATORS,
  LOGICAL_OPERATORS,
  MEMBER_ACCESS,
  NAMED_ELEMENTS,
  NAME_CHILDREN,
  SINGLE_OPERAND_WRAPPERS,
  TRANSPARENT_PARENTS,
} from './node-types';
import { unquote } from './string-literal';
import { argumentsOf, calleeNode, calleeText, foldedHead, lastIdentifier, stringNodeValue } from './tree-util';

const MAX_CLIMB = 8;
/** Single-operand wrappers passed through on top of `MAX_CLIMB` steps (PowerShell nests a value ten deep). */
const MAX_WRAPPERS = 32;

function nameContext(kind: ContextKind, node: Node, extra: Partial<NameContext> = {}): NameContext | undefined {
  const fullName = foldedHead(node, 120);
  // `typeof x === "string"` and `type(x) == "str"` compare a type name, not the value of x.
  if (kind === 'compare' && /^(?:typeof\b|type\(|get_class\(|gettype\()/.test(fullName)) return undefined;
  const name = lastIdentifier(unquote(fullName));
  return name ? { kind, name, fullName, ...extra } : undefined;
}

function operatorOf(node: Node): string | undefined {
  const operator = node.childForFieldName('operator') ?? node.namedChildren.find((c) => c?.type === 'comparison_operator');
  // A named operator (Scala's `operator_identifier`, PowerShell's `-eq`) is read by its text.
  if (operator) return operator.isNamed ? operator.text.slice(0, 8).toLowerCase() : operator.type;
  return node.children.find((c) => c !== null && !c.isNamed)?.type;
}

function isBinary(type: string): boolean {
  return ['binary_expression', 'comparison_operator', 'boolean_operator', 'binary', 'equality_expression', 'infix_expression', 'comparison_expression'].includes(type);
}

/** Operators that pair a key with a value: Kotlin's `"password" to "…"`, Scala's `"password" -> "…"`. */
const PAIR_OPERATORS = new Set(['to', '->']);

/** The operator of a Kotlin infix call (`a to b`: an identifier between the operands), if the node is one. */
function infixWord(frame: Frame): string | undefined {
  const named = frame.named();
  return frame.type === 'infix_expression' && named.length === 3 && named[1].type === 'identifier' ? named[1].text : undefined;
}

/**
 * A literal that reads as a key name (`password`, `db.password`, `X-Api-Key`, `DB_PASSWORD`, `apiKey`), not as a
 * value: in `login("app", "MyS9l-pass", "shop")` the password must not become the name "shop" is bound to.
 */
const KEY_SEGMENT = '(?:[a-z]+|[A-Z]+|[A-Z]?[a-z]+(?:[A-Z][a-z]+)*)[0-9]*';
const KEY_NAME = new RegExp(`^${KEY_SEGMENT}(?:[._/-]${KEY_SEGMENT})*$`);

/** A name-like string (`"password"`, `"db.password"`) or an UPPER_CASE constant (`CURLOPT_PASSWORD`) before a value keys it. */
function keyBefore(previous: Node | undefined): string | undefined {
  if (!previous) return undefined;
  const literal = stringNodeValue(previous);
  if (literal !== undefined) return KEY_NAME.test(literal) ? literal : undefined;
  let inner = previous;
  while (inner.type === 'argument' && inner.namedChildCount === 1 && inner.namedChild(0)) inner = inner.namedChild(0)!;
  if (inner.endIndex - inner.startIndex > 400) return undefined;
  const text = inner.text.replace(/\s+/g, '');
  if (text.length > 80 || !/^[\w.:>-]+$/.test(text)) return undefined;
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(lastIdentifier(text)) ? text : undefined;
}

/** The called name; PHP's `new PDO(…)` names its class without a field, so the first named child stands in. */
function calleeOf(call: Node): string {
  const text = calleeText(call);
  if (text) return text;
  const first = call.namedChild(0);
  return first && /^(?:name|qualified_name|identifier|type_identifier)$/.test(first.type) ? first.text : '';
}

type Step = { readonly context: NameContext | undefined } | { readonly climb: Frame };

/** A string passed to a call: converted, compared, copied into a name, keyed by the argument before it, or passed. */
function argumentStep(args: Frame, child: Node): Step {
  // Swift keeps the arguments in a `call_suffix` beside the callee.
  const callFrame = args.parent?.type === 'call_suffix' ? args.parent.parent : args.parent;
  // `std::string pw("…")` is a constructor call written as a declarator's argument list.
  if (!callFrame || !CALL_TYPES.has(callFrame.type)) return callFrame ? { climb: args } : { context: undefined };
  const call = callFrame.node;
  const callee = calleeOf(call);
  const calleeName = lastIdentifier(callee);
  const siblings = args.named();
  const index = args.namedIndexOf(child);
  // Only the converted value flows on: in `Buffer.from(pw, "base64")` the encoding is an option, not the value.
  if (index === 0 && (CONVERSION_FUNCTIONS.has(calleeName) || CONVERSION_FUNCTIONS.has(callee))) return { climb: callFrame };
  if (COMPARE_FUNCTIONS.has(calleeName)) {
    // Kotlin and Swift keep the receiver inside the callee: `pass.equals("…")` is (pass).equals.
    const calleeAt = calleeNode(call);
    const receiver = call.childForFieldName('object') ?? call.childForFieldName('receiver') ?? (calleeAt && MEMBER_ACCESS.has(calleeAt.type) ? calleeAt.namedChild(0) : null);
    const other = siblings.find((n, i) => i !== index && i < 2) ?? receiver;
    return { context: other ? nameContext('compare', other, { callee }) : undefined };
  }
  if (COPY_FUNCTIONS.has(calleeName) && index > 0) return { context: nameContext('assign', siblings[0], { callee }) };
  const arity = siblings.length;
  // put("password", "…") and setopt(h, CURLOPT_PASSWORD, "…") pair a key with the value after it; in a list of
  // names (pick(o, "key", "passphrase", "cert")) neighbours are not key and value.
  const previous = index > 0 ? siblings[index - 1] : undefined;
  const pairs = previous !== undefined && (stringNodeValue(previous) !== undefined ? arity === 2 : index === arity - 1);
  const key = pairs ? keyBefore(previous) : undefined;
  const name = key ? lastIdentifier(key) : '';
  if (key && name) return { context: { kind: 'key', name, fullName: key.slice(0, 120), callee, index, arity } };
  return { context: calleeName ? { kind: 'argument', name: calleeName, fullName: callee.slice(0, 120), callee, index, arity } : undefined };
}

/** The string is the receiver of a method call: `"x".equals(pw)`, `"x".toCharArray()`, `"x".encode()`. */
function receiverStep(parentFrame: Frame, child: Node): Step | undefined {
  const parent = parentFrame.node;
  let call: Frame | undefined;
  let method: Node | null = null;
  if (CALL_TYPES.has(parentFrame.type)) {
    const receiver = parent.childForFieldName('object') ?? parent.childForFieldName('receiver');
    if (receiver?.id !== child.id) return undefined;
    call = parentFrame;
    method = parent.childForFieldName('name') ?? parent.childForFieldName('method');
  } else if (MEMBER_ACCESS.has(parentFrame.type) && parent.namedChild(0)?.id === child.id) {
    call = parentFrame.parent && CALL_TYPES.has(parentFrame.parent.type) ? parentFrame.parent : undefined;
    method = parent.childForFieldName('property') ?? parent.childForFieldName('attribute') ?? parent.childForFieldName('name') ?? parent.childForFieldName('field') ?? parent.lastNamedChild;
  } else {
    return undefined;
  }
  if (!call || !method) return { context: undefined };
  const methodName = method.endIndex - method.startIndex > 64 ? '' : method.text;
  if (COMPARE_FUNCTIONS.has(methodName)) {
    const args = argumentsOf(call.node);
    const first = args?.namedChildren.find((n): n is Node => n !== null && !n.type.includes('comment'));
    return { context: first ? nameContext('compare', first, { callee: methodName }) : undefined };
  }
  return CONVERSION_METHODS.has(methodName) ? { climb: call } : { context: undefined };
}

function bindingKind(type: string, field: string): ContextKind {
  if (type === 'preproc_def') return 'define';
  if (type === 'keyword_argument' || field === 'key' || field === 'designator' || type === 'pair' || type === 'value_argument') return 'key';
  if (type === 'default_parameter' || type.includes('parameter') || type === 'assignment_pattern') return 'parameter';
  if (ASSIGNMENT_ALIKE.test(type) || field === 'left') return 'assign';
  return 'declare';
}

/** Bindings that name their value through a `pattern` field besides parameters: Rust's `let`, Scala's `val`/`var`. */
const PATTERN_BINDINGS = new Set(['let_declaration', 'val_definition', 'var_definition', 'let_condition']);

/** The name inside a name child: Kotlin's `variable_declaration` holds the name and its type (`password: String`). */
function nameIn(node: Node): Node {
  return node.type === 'variable_declaration' ? (node.namedChild(0) ?? node) : node;
}

function bindingStep(parentFrame: Frame, child: Node): Step | undefined {
  const parent = parentFrame.node;
  const inside = (target: Node): boolean => target.startIndex <= child.startIndex && child.endIndex <= target.endIndex;
  for (const field of ['left', 'target', 'name', 'key', 'declarator', 'designator', 'pattern'] as const) {
    const target = parent.childForFieldName(field);
    if (!target || target.id === child.id || inside(target)) continue;
    if ((field === 'left' || field === 'target') && !ASSIGNMENT_ALIKE.test(parent.type)) continue;
    if (field === 'pattern' && !parent.type.includes('parameter') && !PATTERN_BINDINGS.has(parent.type)) continue;
    return { context: nameContext(bindingKind(parent.type, field), target) };
  }
  if (NAMED_ELEMENTS.has(parent.type)) {
    const key = parent.namedChild(0);
    if (key && key.id !== child.id) return { context: nameContext(parent.type === 'const_element' ? 'declare' : 'key', key) };
  }
  const byChild = NAME_CHILDREN[parent.type];
  if (byChild) {
    const name = parentFrame.named().find((n) => byChild.children.includes(n.type));
    if (name && name.id !== child.id && name.endIndex <= child.startIndex) {
      const context = nameContext(byChild.kind, nameIn(name));
      return { context: parent.type === 'attribute' ? (variableDefault(parentFrame, context) ?? context) : context };
    }
  }
  return undefined;
}

/** HCL: `variable "db_password" { default = "…" }` defaults the variable named by the block's label. */
function variableDefault(attribute: Frame, context: NameContext | undefined): NameContext | undefined {
  if (context?.name !== 'default') return undefined;
  const block = attribute.parent?.parent;
  if (block?.type !== 'block') return undefined;
  const [keyword, label] = block.named();
  if (keyword?.type !== 'identifier' || keyword.text !== 'variable' || !label) return undefined;
  const name = stringNodeValue(label) ?? (label.type === 'identifier' ? label.text : undefined);
  return name ? { kind: 'parameter', name: lastIdentifier(name), fullName: `var.${name}`.slice(0, 120) } : undefined;
}

/**
 * Named arguments without a field for the name: Kotlin's `login(password = "…")` (an identifier, `=` and the value),
 * PowerShell's `Connect-Db -Password "…"` (a parameter before the value), Objective-C's `[s login:u password:@"…"]`
 * (the selector part before the value).
 */
function namedArgumentStep(parentFrame: Frame, child: Node): Step | undefined {
  const type = parentFrame.type;
  if (type === 'value_argument' && !parentFrame.node.childForFieldName('name')) {
    const [first] = parentFrame.named();
    const named = first !== undefined && first.id !== child.id && first.type === 'identifier' && parentFrame.node.children.some((c) => c?.type === '=');
    return named ? { context: nameContext('key', first) } : undefined;
  }
  if (type === 'command_elements') {
    const siblings = parentFrame.named();
    let at = parentFrame.namedIndexOf(child) - 1;
    while (at >= 0 && siblings[at].type === 'command_argument_sep') at--;
    const previous = at >= 0 ? siblings[at] : undefined;
    const index = at + 1;
    if (previous?.type === 'command_parameter') {
      const name = previous.text.slice(0, 64).replace(/^-+/, '').replace(/:$/, '');
      return { context: name ? { kind: 'key', name: lastIdentifier(name), fullName: name, callee: commandName(parentFrame) } : undefined };
    }
    const callee = commandName(parentFrame);
    // `ConvertTo-SecureString "…" -AsPlainText`: the converted value flows on to what the command's result is bound to.
    if (callee && index === 0 && CONVERSION_FUNCTIONS.has(callee) && parentFrame.parent) return { climb: parentFrame.parent };
    return { context: callee ? { kind: 'argument', name: lastIdentifier(callee), fullName: callee, callee, index: Math.max(0, index) } : undefined };
  }
  if (type === 'message_expression') {
    const node = parentFrame.node;
    // The selector parts, read once per message however many arguments it has; the last one before the value names it.
    const parts = parentFrame.remember('selectors', () => node.childrenForFieldName('method').filter((c): c is Node => c !== null));
    let low = 0;
    let high = parts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (parts[mid].startIndex < child.startIndex) low = mid + 1;
      else high = mid;
    }
    const selector = low > 0 ? parts[low - 1] : undefined;
    if (!selector) return undefined;
    const name = selector.text.slice(0, 64);
    if (COMPARE_FUNCTIONS.has(name)) {
      const receiver = node.childForFieldName('receiver');
      return { context: receiver ? nameContext('compare', receiver, { callee: name }) : undefined };
    }
    return { context: { kind: 'key', name, fullName: name, callee: calleeText(node) } };
  }
  return undefined;
}

function commandName(elements: Frame): string | undefined {
  const name = elements.parent?.node.childForFieldName('command_name');
  return name && name.endIndex - name.startIndex <= 120 ? name.text : undefined;
}

/** Swift: a dictionary literal alternates keys and values; a value's key is the element before it. */
function dictionaryStep(parentFrame: Frame, child: Node): Step | undefined {
  if (parentFrame.type !== 'dictionary_literal' || parentFrame.node.childForFieldName('key') === null) return undefined;
  const index = parentFrame.namedIndexOf(child);
  if (index < 1 || index % 2 === 0) return { context: undefined };
  return { context: nameContext('key', parentFrame.named()[index - 1]) };
}

/** Swift: a parameter's `default_value` is a field of the function, after the parameter it defaults. */
function defaultValueStep(parentFrame: Frame, child: Node): Step | undefined {
  const node = parentFrame.node;
  // Kotlin keeps a default beside its parameter in `function_value_parameters`, Swift in the function's `default_value`.
  const kotlin = parentFrame.type === 'function_value_parameters';
  if (!kotlin && (node.childForFieldName('default_value')?.id !== child.id || node.type.includes('parameter'))) return undefined;
  const named = parentFrame.named();
  const index = parentFrame.namedIndexOf(child);
  const previous = index > 0 ? named[index - 1] : undefined;
  if (previous?.type !== 'parameter') return { context: undefined };
  const name = previous.childForFieldName('name') ?? previous.namedChildren.find((c) => c?.type === 'identifier') ?? null;
  return { context: name ? nameContext('parameter', name) : undefined };
}

/** Names whose value is a (user, password) pair: `auth=("svc", "…")` in requests, `credentials = ["svc", "…"]`. */
export const AUTH_PAIR = /(?:^|[_.])(?:auth|basic_?auth|http_?auth|credentials?|creds|login)$/i;

/**
 * A two-element list: `{ "secret", "value" }` or `("password", "value")` keys the second element by the first; in
 * a pair bound to an auth name (`auth=("svc", "…")`) the second element is the password.
 */
function pairStep(parentFrame: Frame, child: Node): Step | undefined {
  const elements = parentFrame.named();
  if (elements.length !== 2 || elements[1].id !== child.id) return undefined;
  const key = stringNodeValue(elements[0]);
  if (key === undefined || !/^[A-Za-z_][\w.@-]{0,63}$/.test(key)) return undefined;
  const outer = contextOf(parentFrame);
  if (outer && AUTH_PAIR.test(outer.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))) {
    // The full name stays the pair's own, so both halves still read as one `auth` pair (the account rules pair them).
    return { context: { kind: 'key', name: 'password', fullName: outer.fullName, callee: outer.callee } };
  }
  return { context: { kind: 'key', name: lastIdentifier(key), fullName: key } };
}

function step(parentFrame: Frame, child: Node): Step {
  const parent = parentFrame.node;
  const type = parentFrame.type;
  const named = namedArgumentStep(parentFrame, child) ?? dictionaryStep(parentFrame, child) ?? defaultValueStep(parentFrame, child);
  if (named) return named;
  if (ARGUMENT_LISTS.has(type)) return argumentStep(parentFrame, child);
  // C# named argument `Login(password: "…")`.
  if (type === 'argument') {
    const name = parent.childForFieldName('name');
    return name ? { context: nameContext('key', name) } : { climb: parentFrame };
  }
  const word = infixWord(parentFrame);
  if (word !== undefined || (type === 'infix_expression' && PAIR_OPERATORS.has(operatorOf(parent) ?? ''))) {
    // `"password" to "…"` keys the value by the string before it; a word other than a pair operator is a call.
    if (word !== undefined && !PAIR_OPERATORS.has(word)) return { context: undefined };
    const operands = parentFrame.named();
    const key = operands[0];
    const value = operands[operands.length - 1];
    const keyText = key ? stringNodeValue(key) : undefined;
    return value?.id === child.id && keyText !== undefined && KEY_NAME.test(keyText) ? { context: { kind: 'key', name: lastIdentifier(keyText), fullName: keyText.slice(0, 120) } } : { context: undefined };
  }
  if (isBinary(type)) {
    const operator = operatorOf(parent) ?? '';
    if (EQUALITY_OPERATORS.has(operator)) {
      const other = parentFrame.named().find((n) => n.id !== child.id);
      return { context: other ? nameContext('compare', other) : undefined };
    }
    return LOGICAL_OPERATORS.has(operator) || type === 'boolean_operator' ? { climb: parentFrame } : { context: undefined };
  }
  if (['ternary_expression', 'conditional_expression', 'conditional'].includes(type)) {
    return parent.childForFieldName('condition')?.id === child.id || parentFrame.named()[0]?.id === child.id
      ? { context: undefined }
      : { climb: parentFrame };
  }
  const receiver = receiverStep(parentFrame, child);
  if (receiver) return receiver;
  const binding = bindingStep(parentFrame, child);
  if (binding) return binding;
  if (TRANSPARENT_PARENTS.has(type)) return pairStep(parentFrame, child) ?? { climb: parentFrame };
  return { context: undefined };
}

/**
 * Climbs from a string literal (or any value) to the name it is bound to, through wrappers such as parentheses,
 * casts or `||`. The answer is kept on the frame: a pair's context serves both its halves, a list's its elements.
 */
export function contextOf(frame: Frame): NameContext | undefined {
  return frame.remember('context', () => {
    let child = frame;
    let wrappers = 0;
    for (let depth = 0; depth < MAX_CLIMB; depth++) {
      const parent = child.parent;
      if (!parent) return undefined;
      if (SINGLE_OPERAND_WRAPPERS.has(parent.type) && wrappers < MAX_WRAPPERS && parent.named().length === 1) {
        wrappers++;
        depth--;
        child = parent;
        continue;
      }
      const next = step(parent, child.node);
      if ('context' in next) return next.context;
      child = next.climb;
    }
    return undefined;
  });
}
