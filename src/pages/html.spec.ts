import { escapeHtml, html, SafeHtml } from './html.js';

describe('html`…`', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<script>alert("x")</script> & 'friends'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;</p>',
    );
  });

  it('inserts nested templates and lists of them as markup, their own values still escaped', () => {
    const rows = ['<b>', 'Batu'].map((cell) => html`<td>${cell}</td>`);
    expect(html`<tr>${rows}</tr>`.toString()).toBe('<tr><td>&lt;b&gt;</td><td>Batu</td></tr>');
  });

  it('leaves out null, undefined and false, so conditions read naturally; prints 0', () => {
    const error: string | null = null;
    expect(html`<div>${error && html`<span>${error}</span>`}${undefined}${false}${0}</div>`.toString()).toBe('<div>0</div>');
  });

  it('never takes a plain string, or an object pretending to be markup, as markup', () => {
    const forged = { toString: () => '<script></script>', markup: '<script></script>' };
    expect(html`${forged}`.toString()).toBe('&lt;script&gt;&lt;/script&gt;');
    expect(html`${'<i>'}`).toBeInstanceOf(SafeHtml);
    expect(html`${'<i>'}`.toString()).toBe('&lt;i&gt;');
  });

  it('escapeHtml covers the five characters that matter', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
