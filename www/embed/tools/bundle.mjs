// A minimal ES module bundler for the package build (node, no dependency):
// follows the static imports from an entry module, wraps each module in its
// own function scope (no name clashes), and exports what the entry exports.
// It understands the import/export forms this project and wasm-bindgen's glue
// use, each starting a line; anything else is an error, never a silent guess.
import fs from 'node:fs';
import path from 'node:path';

const ID = '[A-Za-z_$][\\w$]*';
const IMPORT_RE = /^import\s+(?:([\s\S]*?)\s+from\s+)?(['"])([^'"]+)\2;?[ \t]*$/gm;
const EXPORT_FROM_RE = /^export\s+\{([^}]*)\}\s+from\s+(['"])([^'"]+)\2;?[ \t]*$/gm;
const EXPORT_LIST_RE = /^export\s+\{([^}]*)\};?[ \t]*$/gm;
const EXPORT_DEFAULT_RE = /^export\s+default\s+/gm;
const EXPORT_DECL_RE = new RegExp(`^export\\s+((?:async\\s+)?function\\*?|class|const|let|var)\\s+(${ID})`, 'gm');
const UNSUPPORTED_RE = /^export\s+\*|^export\s+(?:const|let|var)\s+[{[]/m;

/** Parses `a, b as c` into [[local, exported], ...]. */
function specifiers(list) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = s.match(new RegExp(`^(${ID})(?:\\s+as\\s+(${ID}))?$`));
      if (!m) throw new Error(`bundle: cannot read the specifier ${JSON.stringify(s)}`);
      return [m[1], m[2] ?? m[1]];
    });
}

/** A destructuring property `a` or `a: b` (or `default: b`). */
const property = ([from, to]) => (from === to ? from : `${from}: ${to}`);

/**
 * Bundles `entry` into one ES module. `replace` maps absolute module paths to
 * the source text to use instead (whose own relative imports resolve from
 * the replaced path; absolute ones as given). Returns the module's text.
 */
export function bundle(entry, { replace = {}, banner = '' } = {}) {
  const modules = new Map(); // path -> {id, code}
  const visiting = new Set();
  const load = (file) => {
    if (modules.has(file)) return modules.get(file).id;
    if (visiting.has(file)) throw new Error(`bundle: import cycle through ${file}`);
    visiting.add(file);
    let source = replace[file] ?? fs.readFileSync(file, 'utf8');
    if (UNSUPPORTED_RE.test(source)) throw new Error(`bundle: ${file} uses an export form this bundler does not handle`);
    const resolve = (spec) => {
      if (!spec.startsWith('.') && !spec.startsWith('/')) throw new Error(`bundle: bare import ${spec} in ${file}`);
      return path.resolve(path.dirname(file), spec);
    };
    const exported = []; // [local expression, exported name]
    const header = [];
    source = source.replace(IMPORT_RE, (_, clause, _q, spec) => {
      const dep = `__m${load(resolve(spec))}`;
      if (!clause) return '';
      const named = clause.match(/\{([\s\S]*)\}/);
      const rest = clause.replace(/\{[\s\S]*\}/, '').replace(/,\s*$/, '').trim().replace(/,$/, '').trim();
      const lines = [];
      if (rest.startsWith('*')) {
        const ns = rest.match(new RegExp(`^\\*\\s+as\\s+(${ID})$`));
        if (!ns) throw new Error(`bundle: cannot read import ${clause} in ${file}`);
        lines.push(`const ${ns[1]} = ${dep};`);
      } else if (rest) {
        lines.push(`const ${rest.replace(/,$/, '').trim()} = ${dep}.default;`);
      }
      if (named) lines.push(`const { ${specifiers(named[1]).map(property).join(', ')} } = ${dep};`);
      header.push(...lines);
      return '';
    });
    source = source.replace(EXPORT_FROM_RE, (_, list, _q, spec) => {
      const dep = `__m${load(resolve(spec))}`;
      for (const [from, to] of specifiers(list)) exported.push([`${dep}.${from}`, to]);
      return '';
    });
    source = source.replace(EXPORT_LIST_RE, (_, list) => {
      for (const [from, to] of specifiers(list)) exported.push([from, to]);
      return '';
    });
    source = source.replace(EXPORT_DEFAULT_RE, () => {
      exported.push(['__default', 'default']);
      return 'const __default = ';
    });
    source = source.replace(EXPORT_DECL_RE, (_, keyword, name) => {
      exported.push([name, name]);
      return `${keyword} ${name}`;
    });
    if (/^\s*(import|export)\s/m.test(source)) throw new Error(`bundle: an import or export of ${file} was not understood`);
    const id = modules.size;
    const body = [...header, source.trim(), `return { ${exported.map(([local, name]) => `${JSON.stringify(name)}: ${local}`).join(', ')} };`];
    visiting.delete(file);
    modules.set(file, { id, code: `// ${path.relative(path.dirname(path.dirname(file)), file)}\nconst __m${id} = (() => {\n${body.join('\n')}\n})();`, exported });
    return id;
  };
  const entryId = load(path.resolve(entry));
  const names = modules.get(path.resolve(entry)).exported.map(([, name]) => name);
  const named = names.filter((n) => n !== 'default');
  const out = [banner, ...[...modules.values()].map((m) => m.code)];
  if (named.length) out.push(`export const { ${named.join(', ')} } = __m${entryId};`);
  if (names.includes('default')) out.push(`export default __m${entryId}.default;`);
  return `${out.filter(Boolean).join('\n\n')}\n`;
}
