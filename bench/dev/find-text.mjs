// print ancestry of the element containing a given text snippet
import { loadDevset } from '../dataset.mjs';
import { parseDocument } from 'htmlparser2';
const [id, snippet] = process.argv.slice(2);
const page = loadDevset().find((p) => p.id.startsWith(id));
const doc = parseDocument(page.html);
const stack = [doc];
while (stack.length) {
  const n = stack.pop();
  if (n.type === 'text' && n.data.includes(snippet)) {
    let p = n.parent; const chain = [];
    while (p && p.name) { chain.push(`${p.name}${p.attribs.id ? '#' + p.attribs.id : ''}${p.attribs.class ? '.' + p.attribs.class.trim().split(/\s+/).join('.') : ''}${Object.keys(p.attribs).filter(k=>!['id','class'].includes(k)).map(k=>`[${k}=${String(p.attribs[k]).slice(0,40)}]`).join('')}`); p = p.parent; }
    console.log(chain.join('\n  < '));
    console.log('====');
  }
  if (n.children) for (const c of n.children) stack.push(c);
}
