import { describe, expect, test } from 'vitest';
import { html, raw } from './html';

describe('html', () => {
  test('escapes every value, keeps nested html, joins arrays, drops empties', () => {
    const n = '<script>alert("x")</script> & \'y\'';
    const tail = html`${[html`<b>${1}</b>`, 'a<b']}${null}${false}${raw('<hr>')}`;
    // Prettier formats html`` as markup: a line break it adds would be part of the output
    // prettier-ignore
    const out = html`<p title="${n}">${n}</p>${tail}`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;';
    expect(out.toString()).toBe(`<p title="${escaped}">${escaped}</p><b>1</b>a&lt;b<hr>`);
  });
});
