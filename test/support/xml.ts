// Checks of SVG output shared by the unit and CLI tests.
import assert from 'node:assert/strict';

/**
 * A rough XML well-formedness check: tags balance, attribute values are quoted and hold no `<`,
 * text and values hold no raw `<`, `>` or bare `&`, and no control character XML 1.0 forbids.
 */
export function assertWellFormedXml(markup: string): void {
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < markup.length) {
    const lt = markup.indexOf('<', at);
    const text = markup.slice(at, lt === -1 ? markup.length : lt);
    assertXmlText(text);
    if (stack.length === 0) assert.equal(text.trim(), '', 'text outside the root element');
    if (lt === -1) break;
    tag.lastIndex = lt;
    const match = tag.exec(markup);
    assert.ok(match, `malformed markup at ${lt}: ${markup.slice(lt, lt + 120)}`);
    const [, closing, name, attrs, selfClosing] = match;
    const names = [...attrs.matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)].map(([, attr, value]) => {
      assertXmlText(value);
      return attr;
    });
    assert.equal(new Set(names).size, names.length, `duplicate attribute in <${name}>`);
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes nothing open`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) {
      roots++;
    }
    at = tag.lastIndex;
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'one root element');
}

function assertXmlText(text: string): void {
  assert.doesNotMatch(text, /[<>]/, `raw < or > in ${JSON.stringify(text)}`);
  assert.doesNotMatch(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, ''), /&/, `bare & in ${JSON.stringify(text)}`);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, `control character in ${JSON.stringify(text)}`);
}
