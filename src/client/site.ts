/**
 * Every page's small script: a "copy link" control next to each permanent link target (the
 * quarter title, paragraphs, figures, Q&A exchanges). It copies the element's permanent URL
 * with a one-line citation: company, quarter, call date, speaker. Elements mark themselves with
 * `data-copy` (the id to link; empty means the page itself) and, where known,
 * `data-cite-speaker`; the page's `<main>` carries the company and quarter in `data-cite`.
 */
function citation(el: Element): string {
  const main = document.querySelector<HTMLElement>('main[data-cite]');
  const speaker = el.closest<HTMLElement>('[data-cite-speaker]')?.dataset.citeSpeaker;
  return [main?.dataset.cite, speaker].filter(Boolean).join(', ');
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API here (some file:// pages): copy through a selected text area.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function setup(): void {
  const label = document.documentElement.lang.startsWith('zh') ? ['复制链接', '已复制'] : ['Copy link', 'Copied'];
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  document.body.append(live);
  for (const el of document.querySelectorAll<HTMLElement>('[data-copy]')) {
    const id = el.dataset.copy ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    button.title = label[0]!;
    button.setAttribute('aria-label', `${label[0]}${id ? ` (${id})` : ''}`);
    button.addEventListener('click', async () => {
      const url = new URL(location.href);
      url.hash = id;
      const cite = citation(el);
      const ok = await copy(`${cite ? `${cite}. ` : ''}${url.href}`);
      button.dataset.copied = ok ? 'yes' : 'no';
      live.textContent = ok ? label[1]! : '';
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
