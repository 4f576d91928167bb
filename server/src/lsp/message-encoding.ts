/**
 * The JSON of the messages the server writes over stdio (`--stdio`; Neovim and most clients other than VS Code, which
 * talks over node IPC, where Node serialises each message itself). A file with a thousand findings
 * publishes a thousand diagnostics after every edit, and serialising them all again was most of what an edit cost
 * the main thread. A diagnostic is never changed once built (`DiagnosticCache` hands out the same object for a finding
 * an edit did not touch), so the bytes of each diagnostic object are kept and a publish is mostly a copy of them.
 * Every other message is encoded as vscode-jsonrpc encodes it.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const bytesOf = new WeakMap<object, Buffer>();
/** A diagnostic made from another by `withRange`: the one it was first made from. */
const derivedFrom = new WeakMap<object, object>();
/** Of a diagnostic others are made from: its bytes after its range (`,"severity":…}`). */
const tailOf = new WeakMap<object, Buffer>();

/**
 * `base` with another range (its finding moved with the lines above it): encoded as the range's bytes and the bytes
 * of the rest of `base`, kept once for every copy.
 */
export function withRange<T extends { readonly range: unknown }>(base: T, range: T['range']): T {
  const moved = { ...base, range };
  derivedFrom.set(moved, derivedFrom.get(base) ?? base);
  return moved;
}

const RANGE_HEAD = Buffer.from('{"range":');

function bytesOfDiagnostic(diagnostic: object, charset: BufferEncoding): Buffer {
  let bytes = bytesOf.get(diagnostic);
  if (bytes) return bytes;
  const root = derivedFrom.get(diagnostic);
  if (root) {
    let tail = tailOf.get(root);
    if (!tail) {
      const rest = JSON.stringify({ ...root, range: undefined });
      tail = Buffer.from(rest === '{}' ? '}' : `,${rest.slice(1)}`, charset);
      tailOf.set(root, tail);
    }
    bytes = Buffer.concat([RANGE_HEAD, Buffer.from(JSON.stringify((diagnostic as { range: unknown }).range), charset), tail]);
  } else {
    bytes = Buffer.from(JSON.stringify(diagnostic), charset);
  }
  bytesOf.set(diagnostic, bytes);
  return bytes;
}

interface PublishMessage {
  readonly jsonrpc: string;
  readonly method: 'textDocument/publishDiagnostics';
  readonly params: { readonly uri: string; readonly version?: number; readonly diagnostics: readonly object[] };
}

function isPublish(message: Message): message is Message & PublishMessage {
  const params = (message as { method?: string; params?: { diagnostics?: unknown } }).params;
  return (message as { method?: string }).method === 'textDocument/publishDiagnostics' && Array.isArray(params?.diagnostics);
}

const COMMA = Buffer.from(',');

function encodePublish(message: PublishMessage, charset: BufferEncoding): Buffer {
  const { params, ...envelope } = message;
  const { diagnostics, ...rest } = params;
  // The envelope, then the params with the diagnostics as their last member.
  const outer = JSON.stringify(envelope);
  const inner = JSON.stringify(rest);
  const head = `${outer.slice(0, -1)}${outer === '{}' ? '' : ','}"params":${inner.slice(0, -1)}${inner === '{}' ? '' : ','}"diagnostics":[`;
  const parts: Buffer[] = [Buffer.from(head, charset)];
  diagnostics.forEach((diagnostic, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(bytesOfDiagnostic(diagnostic, charset));
  });
  parts.push(Buffer.from(']}}', charset));
  return Buffer.concat(parts);
}

/** vscode-jsonrpc's `application/json` encoder, with each diagnostic's bytes kept per diagnostic object. */
export const jsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const charset = options.charset as BufferEncoding;
      // Diagnostics are kept as UTF-8 bytes: another charset is encoded whole, as the library does.
      if (isPublish(message) && charset === 'utf-8') return Promise.resolve(encodePublish(message, charset));
      return Promise.resolve(Buffer.from(JSON.stringify(message, undefined, 0), charset));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  },
};
