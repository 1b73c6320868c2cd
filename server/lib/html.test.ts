import { describe, expect, test } from 'vitest';
import { html, raw } from './html';

describe('html', () => {
  test('escapes every value, keeps nested html, joins arrays, drops empties', () => {
    const name = '<script>alert("x")</script> & \'y\'';
    const tail = html`${[html`<b>${1}</b>`, 'a<b']}${null}${false}${raw('<hr>')}`;
    const out = html`<p title="${name}">${name}</p>
      ${tail}`;
    expect(out.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p><b>1</b>a&lt;b<hr>',
    );
  });
});
