/**
 * Credentials of a throwaway service container: `POSTGRES_PASSWORD: postgres` in a CI job's `services:`, a compose
 * file or a dev container. The official images of databases and brokers read an initialisation variable
 * (`POSTGRES_PASSWORD`, `MYSQL_ROOT_PASSWORD`, `RABBITMQ_DEFAULT_PASS`…) to create their first user in an empty data
 * directory, and their clients read one to connect (`PGPASSWORD`); a CI job or a developer's container sets it to the
 * image's stock value so that tests can log in. Such a value protects nothing and gives nothing away.
 *
 * Evidence, read from the binding alone: the name is such a variable, and the value is the service's stock value —
 * the service's own name (`postgres`), the user the same record creates (`POSTGRES_USER: app` with
 * `POSTGRES_PASSWORD: app`), or one of the few values every tutorial uses (`root`, `password`, `secret`, `example`).
 * A generated or chosen password in the same variable (a deploy's database, `POSTGRES_PASSWORD: 8f3Kq…`) is still a
 * credential, and so is any other variable in a workflow (a deploy token).
 */
import { StringFact } from '../syntax/facts';
import { ScanDocument } from './kind';
import { snakeCase } from './secret-values';

interface ServiceVariable {
  /** The password variable, snake case. */
  readonly password: RegExp;
  /** The user variable of the same image, snake case, when it has one. */
  readonly user?: string;
  /** The service's own names: its stock user, database and image. */
  readonly names: readonly string[];
}

const SERVICES: readonly ServiceVariable[] = [
  { password: /^(?:postgres_password|pgpassword|pg_password)$/, user: 'postgres_user|pguser|pg_user', names: ['postgres', 'postgresql', 'pg'] },
  { password: /^mysql_(?:root_)?password$/, user: 'mysql_user', names: ['mysql', 'root'] },
  { password: /^mariadb_(?:root_)?password$/, user: 'mariadb_user', names: ['mariadb', 'mysql', 'root'] },
  { password: /^mongo_initdb_root_password$/, user: 'mongo_initdb_root_username', names: ['mongo', 'mongodb', 'root'] },
  { password: /^rabbitmq_default_pass$/, user: 'rabbitmq_default_user', names: ['rabbitmq', 'rabbit', 'guest'] },
  { password: /^redis_password$/, names: ['redis'] },
  { password: /^elastic_password$/, names: ['elastic', 'elasticsearch', 'changeme'] },
  { password: /^(?:mssql_sa_password|sa_password)$/, names: ['sa', 'mssql', 'sqlserver'] },
  { password: /^minio_root_password$/, user: 'minio_root_user', names: ['minio', 'minioadmin'] },
  { password: /^clickhouse_password$/, user: 'clickhouse_user', names: ['clickhouse', 'default'] },
  { password: /^couchdb_password$/, user: 'couchdb_user', names: ['couchdb', 'admin'] },
  { password: /^(?:keycloak_admin_password|kc_bootstrap_admin_password)$/, user: 'keycloak_admin|kc_bootstrap_admin_username', names: ['keycloak', 'admin'] },
];

/** Values of tutorials and stock images: nobody protects anything with them. */
const STOCK_VALUES = new Set(['root', 'password', 'pass', 'secret', 'example', 'test', 'admin', 'guest', 'dev', 'development', 'local', 'changeme', 'ci']);

/** How far around the password the user variable of the same record is looked for. */
const RECORD_REACH = 400;

/**
 * Whether a literal is the stock password of a service container: an image's password variable set to the service's
 * own name, to a tutorial value, or to the user the same record creates.
 */
export function isEphemeralServiceCredential(doc: ScanDocument, fact: StringFact): boolean {
  const name = fact.context?.name;
  if (name === undefined) return false;
  const snake = snakeCase(name);
  const service = SERVICES.find((s) => s.password.test(snake));
  if (!service) return isDevelopmentStockPair(doc, fact, snake);
  const value = fact.value.trim().toLowerCase();
  if (service.names.includes(value) || STOCK_VALUES.has(value)) return true;
  if (!service.user || !/^[\w.-]{1,64}$/.test(fact.value)) return false;
  // `POSTGRES_USER: app` beside `POSTGRES_PASSWORD: app`: the password is the user's name.
  const around = doc.text.slice(Math.max(0, fact.start - RECORD_REACH), fact.end + RECORD_REACH);
  const escaped = fact.value.replace(/[.]/g, '\\.');
  const userBinding = new RegExp(`\\b(?:${service.user})["']?\\s*(?:[:=]|=>)\\s*["']?${escaped}(?![\\w.-])`, 'i');
  return userBinding.test(around);
}

/** Every service's own names: the stock users and passwords of their images. */
const STOCK_SERVICE_NAMES = new Set(SERVICES.flatMap((s) => s.names));
/** A plain password key of a connection's settings (`password:`, `db_password =`). */
const PLAIN_PASSWORD = /^(?:(?:db|database)_)?(?:password|passwd|pass)$/;
/** Words that put a block in a developer's or a test's environment: a `development:` section, a dev container. */
const DEVELOPMENT_SECTION = /^\s*["']?(?:development|dev|test)["']?\s*:|\bdev[-_ ]?container/i;
/** How many lines above a password the section that holds it is looked for. */
const SECTION_LINES = 40;

/**
 * A connection's stock user and password in a development or test section (`development:` of a database config,
 * the block a template writes for a dev container): `username: postgres` with `password: postgres`, the image's
 * own name as both. Only the image's stock name counts, and only with the same user beside it.
 */
function isDevelopmentStockPair(doc: ScanDocument, fact: StringFact, snake: string): boolean {
  if (!PLAIN_PASSWORD.test(snake)) return false;
  const value = fact.value.trim();
  if (!STOCK_SERVICE_NAMES.has(value.toLowerCase()) || !/^[\w.-]{1,32}$/.test(value)) return false;
  const around = doc.text.slice(Math.max(0, fact.start - RECORD_REACH), fact.end + RECORD_REACH);
  const userBinding = new RegExp(`\\b(?:user|username|db_user|user_name)["']?\\s*(?:[:=]|=>)\\s*["']?${value}(?![\\w.-])`, 'i');
  if (!userBinding.test(around)) return false;
  // The section the record is in: the lines above indented less, up to the first key (`production:` is not).
  const { line } = doc.index.positionAt(fact.start);
  const indent = (text: string): number => /^\s*/.exec(text)![0].length;
  const own = indent(doc.index.lineText(line).slice(0, 200));
  for (let l = line - 1; l >= Math.max(0, line - SECTION_LINES); l--) {
    const text = doc.index.lineText(l).slice(0, 200);
    if (text.trim() === '' || indent(text) >= own) continue;
    if (DEVELOPMENT_SECTION.test(text)) return true;
    if (/^\s*["']?[\w.-]+["']?\s*:/.test(text)) return false;
  }
  return false;
}
