/** A small report document (headings, paragraphs, lists, tables) written as Markdown or as a standalone HTML page. */

export type ReportBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface ReportDocument {
  readonly title: string;
  readonly lang: string;
  readonly blocks: readonly ReportBlock[];
}

const mdCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${doc.title}`, ''];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`## ${block.text}`, '');
        break;
      case 'paragraph':
        out.push(block.text, '');
        break;
      case 'list':
        out.push(...block.items.map((item) => `- ${item}`), '');
        break;
      case 'table':
        out.push(`| ${block.head.map(mdCell).join(' | ')} |`, `|${block.head.map(() => ' --- ').join('|')}|`);
        out.push(...block.rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`), '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const html = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderHtml(doc: ReportDocument): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${html(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${html(doc.title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}th{background:#f0f0f0}</style>',
    '</head>',
    '<body>',
    `<h1>${html(doc.title)}</h1>`,
  ];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`<h2>${html(block.text)}</h2>`);
        break;
      case 'paragraph':
        out.push(`<p>${html(block.text)}</p>`);
        break;
      case 'list':
        out.push('<ul>', ...block.items.map((item) => `<li>${html(item)}</li>`), '</ul>');
        break;
      case 'table':
        out.push('<table>', `<thead><tr>${block.head.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
        out.push(...block.rows.map((row) => `<tr>${row.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`));
        out.push('</tbody>', '</table>');
        break;
    }
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
