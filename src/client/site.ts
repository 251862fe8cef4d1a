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

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
else setup();
