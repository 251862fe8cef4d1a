/**
 * Every page's small script: a "copy link" control next to each permanent link target (the
 * quarter title, paragraphs, figures, Q&A exchanges). It copies the element's permanent URL
 * (a file: URL when the site is opened from disk) with a one-line citation (src/lib/citation.ts):
 * for a figure, company and quarter, metric, value and the quoted sentence; for anything else,
 * the call with its date and the speaker. Elements mark themselves with `data-copy` (the id to
 * link; empty means the page itself), a figure with `data-cite-metric`, `-value` and `-quote`;
 * the page's `<main>` carries the call in `data-cite` and `data-cite-call`. Where the Clipboard
 * API is missing or refused, the citation is shown selected in a field to copy by hand.
 */
import { CITE_UI } from '../lib/i18n.ts';
import { figureCitation, linkTo, passageCitation } from '../lib/citation.ts';

const edition = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const t = CITE_UI[edition];

function citation(el: HTMLElement, url: string): string {
  const main = document.querySelector<HTMLElement>('main');
  const d = el.dataset;
  if (d.citeValue !== undefined) {
    return figureCitation({ call: main?.dataset.citeCall ?? '', metric: d.citeMetric ?? '', value: d.citeValue, quote: d.citeQuote ?? '', url }, edition);
  }
  return passageCitation(main?.dataset.cite, el.closest<HTMLElement>('[data-cite-speaker]')?.dataset.citeSpeaker, url);
}

/** The field that shows a citation to copy by hand (created once, reused). */
function fallbackPanel(): { panel: HTMLElement; field: HTMLTextAreaElement; status: HTMLElement; close: HTMLButtonElement } {
  let panel = document.querySelector<HTMLElement>('.copy-fallback');
  if (!panel) {
    panel = document.createElement('div');
    panel.className = 'copy-fallback';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', 'copy-fallback-title');
    const title = document.createElement('p');
    title.id = 'copy-fallback-title';
    title.className = 'copy-fallback-title';
    title.textContent = t.fallbackTitle;
    const field = document.createElement('textarea');
    field.readOnly = true;
    field.rows = 4;
    field.setAttribute('aria-labelledby', 'copy-fallback-title');
    const status = document.createElement('p');
    status.className = 'copy-fallback-status';
    status.setAttribute('aria-live', 'polite');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = t.close;
    panel.append(title, field, status, close);
    panel.hidden = true;
    document.body.append(panel);
  }
  return { panel, field: panel.querySelector('textarea')!, status: panel.querySelector('.copy-fallback-status')!, close: panel.querySelector('button')! };
}

/** Shows the citation selected in a visible field, tries the old copy command, and says which. */
function showFallback(text: string, from: HTMLElement): boolean {
  const { panel, field, status, close } = fallbackPanel();
  field.value = text;
  panel.hidden = false;
  field.focus();
  field.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  status.textContent = ok ? t.copied : t.copyFailed;
  const hide = () => {
    panel.hidden = true;
    from.focus();
  };
  close.onclick = hide;
  panel.onkeydown = (e) => {
    if (e.key === 'Escape') hide();
  };
  return ok;
}

async function copy(text: string, from: HTMLElement): Promise<boolean> {
  if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, not a secure context): show it to copy by hand.
    }
  }
  return showFallback(text, from);
}

function setup(): void {
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  document.body.append(live);
  for (const el of document.querySelectorAll<HTMLElement>('[data-copy]')) {
    const id = el.dataset.copy ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    button.title = t.copy;
    button.setAttribute('aria-label', `${t.copy}${id ? ` (${id})` : ''}`);
    button.addEventListener('click', async () => {
      const ok = await copy(citation(el, linkTo(location.href, id)), button);
      button.dataset.copied = ok ? 'yes' : 'no';
      live.textContent = ok ? t.copied : '';
      setTimeout(() => delete button.dataset.copied, 1500);
    });
    el.after(button);
  }
}

/**
 * Pages with charts name the chart script in `<html data-chart-script>`; it is loaded only when
 * a chart comes near the screen (or the page is printed), so a reader who never scrolls to a
 * chart never downloads it.
 */
function loadChartsWhenNeeded(): void {
  const src = document.documentElement.dataset.chartScript;
  const charts = document.querySelectorAll('ec-chart');
  if (!src || charts.length === 0) return;
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    observer?.disconnect();
    const script = document.createElement('script');
    script.src = src;
    document.head.append(script);
  };
  const observer = 'IntersectionObserver' in window ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: '200px' }) : undefined;
  if (observer) for (const c of charts) observer.observe(c);
  else load();
  addEventListener('beforeprint', load);
}

// Printing shows each chart's numbers: open the closed data tables for the print, restore after.
const opened: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll<HTMLDetailsElement>('details.chart-data:not([open])')) {
    d.open = true;
    opened.push(d);
  }
});
addEventListener('afterprint', () => {
  for (const d of opened.splice(0)) d.open = false;
});

function start(): void {
  setup();
  loadChartsWhenNeeded();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
