type Json = Record<string, unknown>;

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Renders `inline code` spans of the contract's descriptions. */
const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop()!;
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as Json[]).map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items as Json)}[]`;
  if (Array.isArray(schema.enum))
    return (schema.enum as unknown[]).map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ');
  if (schema.const !== undefined) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  return esc(schema.type ?? 'any');
}

function schemaTable(schema: Json): string {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  const rows = Object.entries(props)
    .map(
      ([k, v]) =>
        `<tr><td><code>${esc(k)}</code>${required.has(k) ? ' <span class="req">required</span>' : ''}</td><td>${typeOf(v)}</td><td>${prose(v.description)}</td></tr>`,
    )
    .join('');
  return rows
    ? `<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${typeOf(schema)}</p>`;
}

/**
 * The human docs of the API (`GET /docs`): a self-contained page rendered from the OpenAPI document,
 * with no scripts and no external assets.
 */
export function renderDocs(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = ((op.tags as string[]) ?? ['Other'])[0]!;
      const params = ((op.parameters ?? []) as Json[])
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code> <small>${esc(p.in)}</small></td><td>${typeOf(p.schema as Json)}</td><td>${prose(p.description)}</td></tr>`,
        )
        .join('');
      const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const responses = Object.entries(op.responses as Record<string, Json>)
        .map(([status, r]) => {
          const content = r.content as Record<string, Json> | undefined;
          const schema = content ? Object.values(content)[0]?.schema : undefined;
          const ref = typeof r.$ref === 'string' ? r.$ref.split('/').pop() : undefined;
          return `<li><code>${esc(status)}</code> ${ref ? `problem: ${esc(ref)}` : `${prose(r.description)} ${typeOf(schema as Json)}`}</li>`;
        })
        .join('');
      const html = `<section class="op" id="${esc(op.operationId)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${prose(op.summary)}${op.description ? ` — ${prose(op.description)}` : ''}</p>
${params ? `<h4>Parameters</h4><table><tbody>${params}</tbody></table>` : ''}
${body ? `<h4>Body</h4><p>${typeOf(body['application/json']?.schema as Json)}</p>` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const schemas = (doc.components as Json).schemas as Record<string, Json>;
  const nav = [...byTag.keys()].map((t) => `<a href="#tag-${esc(t)}">${esc(t)}</a>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} — reference</title><style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;display:grid;grid-template-columns:220px 1fr}
nav{position:sticky;top:0;height:100vh;overflow:auto;background:#f4f6f8;padding:16px;box-sizing:border-box}
nav a{display:block;color:#1b4dd8;text-decoration:none;padding:2px 0}main{padding:24px 40px;max-width:1000px}
code{font:13px ui-monospace,monospace;background:#eef1f4;padding:1px 4px;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:8px 0}td,th{border-bottom:1px solid #e3e7eb;text-align:left;padding:4px 8px;vertical-align:top}
.op{border:1px solid #e3e7eb;border-radius:8px;padding:4px 16px;margin:12px 0}.m{font:600 12px monospace;padding:2px 6px;border-radius:4px;color:#fff}
.get{background:#1a7f37}.post{background:#1b4dd8}.patch{background:#9a6700}.delete{background:#cf222e}.req{color:#cf222e;font-size:12px}
</style></head><body><nav><strong>${esc(info.title)}</strong><p><a href="/openapi.json">openapi.json</a></p>${nav}<a href="#schemas">Schemas</a></nav><main>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${prose(info.description)}</p>
<p>Authenticate with <code>Authorization: Bearer &lt;API key or embed token&gt;</code>. Errors are <code>application/problem+json</code>.</p>
${[...byTag.entries()].map(([tag, ops]) => `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>${ops.join('')}`).join('')}
<h2 id="schemas">Schemas</h2>
${Object.entries(schemas)
  .map(
    ([name, s]) =>
      `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${prose(s.description)}</p>` : ''}${schemaTable(s)}</section>`,
  )
  .join('')}
</main></body></html>`;
}
