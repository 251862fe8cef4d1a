/**
 * `<ec-search>` on the search page: queries Pagefind over http(s), or, where Pagefind cannot
 * run (a site opened from file://), the same records from scripts/search-data.js. Queries are
 * folded to Simplified Chinese and lowercase like the index, so 淨利潤 finds 净利润 and the
 * reverse. Results are passages (a paragraph, a figure, a Q&A exchange) linking to their
 * element on the quarter page. Bundled by scripts/bundle-client.ts into a classic script.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** The same folding as `searchKey` in scripts/lib/search-records.ts. */
export function searchKey(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Meta {
  [key: string]: string | undefined;
}

interface Hit {
  /** Site-relative URL of the element, English edition (`alibaba/fy2025-q2.html#zh-p-12`). */
  url: string;
  /** What was searched: the title and the text shown. */
  meta: Meta;
  /** Everything else shown: quarter, speaker, segments, kind (never searched). */
  filters: Filters;
  score: number;
  quarter: string;
}

interface Filters {
  [name: string]: string[];
}

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o: { filters?: Filters }): Promise<{ results: Array<{ score: number; data(): Promise<{ raw_url?: string; url: string; meta: Meta; filters: Filters }> }> } | null>;
}

interface FallbackRecord {
  u: string;
  c: string;
  m: Meta;
  f: Filters;
  s: string;
}

declare global {
  interface Window {
    ecSearchData?: FallbackRecord[];
  }
}

const PAGE_SIZE = 30;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

/** Query words: whitespace-separated, and Chinese runs split by the browser's word segmenter. */
function queryTerms(key: string): string[] {
  const out = new Set<string>();
  for (const part of key.split(' ').filter(Boolean)) {
    out.add(part);
    if (/\p{Script=Han}/u.test(part) && typeof Intl.Segmenter === 'function') {
      for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(part)) if (s.isWordLike && s.segment.length > 1) out.add(s.segment);
    }
  }
  return [...out];
}

/** Marks the query's words in a verbatim text, matching through the same folding. */
function highlight(text: string, terms: readonly string[], into: HTMLElement): void {
  // Fold character by character so offsets in the folded text are offsets in the original.
  const chars = Array.from(text);
  const folded = chars.map((c) => {
    const f = searchKey(c);
    return f.length === 1 ? f : c.toLowerCase();
  });
  const flat = folded.join('');
  const marks = new Array<boolean>(chars.length).fill(false);
  for (const t of terms) {
    if (!t) continue;
    let from = 0;
    for (;;) {
      const i = flat.indexOf(t, from);
      if (i < 0) break;
      for (let k = i; k < i + Array.from(t).length && k < marks.length; k++) marks[k] = true;
      from = i + t.length;
    }
  }
  let run = '';
  let marked = false;
  const flush = () => {
    if (!run) return;
    if (marked) {
      const m = document.createElement('mark');
      m.textContent = run;
      into.append(m);
    } else into.append(run);
    run = '';
  };
  chars.forEach((c, i) => {
    if (marks[i] !== marked) {
      flush();
      marked = marks[i]!;
    }
    run += c;
  });
  flush();
}

class EcSearch extends HTMLElement {
  private pagefind: PagefindApi | undefined;
  private fallback: FallbackRecord[] | undefined;
  private root = '';
  private rootPath = '/';
  private edition = 'en';
  private strings: Record<string, string> = {};
  private seq = 0;

  async connectedCallback(): Promise<void> {
    this.root = this.dataset.root ?? '';
    this.edition = this.dataset.edition ?? 'en';
    this.strings = JSON.parse(this.dataset.strings ?? '{}');
    this.rootPath = new URL(this.root || './', location.href).pathname;
    const form = this.querySelector('form')!;
    const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
    this.classList.add('ready');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.updateUrl(form);
      void this.run(form);
    });
    form.addEventListener('change', () => {
      this.updateUrl(form);
      void this.run(form);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.run(form), 150);
    });
    // Restore a query from the address (search.html?q=…&quarter=…).
    const params = new URLSearchParams(location.search);
    for (const [k, v] of params) {
      const el = form.elements.namedItem(k);
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.value = v;
    }
    if (input.value) await this.run(form);
  }

  private updateUrl(form: HTMLFormElement): void {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) params.set(k, v);
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  }

  private status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }

  private async engine(): Promise<'pagefind' | 'fallback'> {
    if (this.pagefind || this.fallback) return this.pagefind ? 'pagefind' : 'fallback';
    if (location.protocol !== 'file:') {
      try {
        const mod = (await import(/* @vite-ignore */ new URL(`${this.root}pagefind/pagefind.js`, location.href).href)) as PagefindApi;
        await mod.options({ baseUrl: this.rootPath });
        await mod.init();
        this.pagefind = mod;
        return 'pagefind';
      } catch {
        // Fall through to the records bundled as a classic script.
      }
    }
    await loadScript(`${this.root}scripts/search-data.js`);
    this.fallback = window.ecSearchData ?? [];
    return 'fallback';
  }

  private filters(form: HTMLFormElement): Filters {
    const out: Filters = {};
    for (const name of ['quarter', 'segment', 'role', 'language']) {
      const v = (form.elements.namedItem(name) as HTMLSelectElement | null)?.value;
      if (v) out[name] = [v];
    }
    return out;
  }

  private async run(form: HTMLFormElement): Promise<void> {
    const seq = ++this.seq;
    const raw = (form.elements.namedItem('q') as HTMLInputElement).value;
    const key = searchKey(raw);
    const list = this.querySelector('ol')!;
    if (!key) {
      list.replaceChildren();
      this.status('');
      return;
    }
    this.status(this.strings.searching ?? '…');
    const engine = await this.engine();
    const filters = this.filters(form);
    const hits = engine === 'pagefind' ? await this.searchPagefind(key, filters) : this.searchFallback(key, filters);
    if (seq !== this.seq) return;
    // Relevance first; between equally relevant passages, the newest quarter first.
    hits.sort((a, b) => Math.round(b.score * 1000) - Math.round(a.score * 1000) || b.quarter.localeCompare(a.quarter));
    this.render(hits.slice(0, PAGE_SIZE), queryTerms(key), list);
    const n = hits.length;
    this.status(n === 0 ? (this.strings.none ?? '') : (this.strings.count ?? '{n}').replace('{n}', String(n)) + (engine === 'fallback' ? ` ${this.strings.offline ?? ''}` : ''));
  }

  private async searchPagefind(key: string, filters: Filters): Promise<Hit[]> {
    const res = await this.pagefind!.search(key, { filters });
    if (!res) return [];
    const top = res.results.slice(0, PAGE_SIZE * 2);
    const data = await Promise.all(top.map((r) => r.data()));
    return data.map((d, i) => {
      const path = d.raw_url ?? d.url;
      const url = path.startsWith(this.rootPath) ? path.slice(this.rootPath.length) : path.replace(/^\//, '');
      return { url, meta: d.meta, filters: d.filters, score: top[i]!.score, quarter: d.filters.quarter?.[0] ?? '' };
    });
  }

  private searchFallback(key: string, filters: Filters): Hit[] {
    const terms = key.split(' ').filter(Boolean);
    const out: Hit[] = [];
    for (const r of this.fallback!) {
      if (Object.entries(filters).some(([k, v]) => !v.some((x) => r.f[k]?.includes(x)))) continue;
      let score = 0;
      for (const t of terms) {
        let i = r.c.indexOf(t);
        if (i < 0) {
          score = 0;
          break;
        }
        let n = 0;
        while (i >= 0) {
          n++;
          i = r.c.indexOf(t, i + t.length);
        }
        score += n / (1 + r.c.length / 400);
      }
      if (score > 0) out.push({ url: r.u, meta: r.m, filters: r.f, score, quarter: r.s });
    }
    return out;
  }

  private render(hits: readonly Hit[], terms: readonly string[], list: HTMLOListElement): void {
    const zh = this.edition === 'zh';
    list.replaceChildren(
      ...hits.map((h) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `${this.root}${zh ? 'zh/' : ''}${h.url}`;
        a.className = 'result-link';
        const f = (name: string) => h.filters[`${name}_${zh ? 'zh' : 'en'}`]?.join(' · ') ?? '';
        const kindName = h.filters.kind?.[0] ?? 'paragraph';
        li.className = `result result-${kindName}`;
        const title = kindName === 'figure' ? `${f('metric')}${f('figure_segment') ? ` · ${f('figure_segment')}` : ''}` : kindName === 'exchange' ? (h.meta.title ?? '') : f('speaker');
        a.textContent = [f('quarter'), title].filter(Boolean).join(' · ');
        const meta = document.createElement('span');
        meta.className = 'result-meta';
        const role = h.filters.role?.[0];
        meta.textContent = [this.strings[`kind_${kindName}`], role ? this.strings[`role_${role}`] : '', f('segment')].filter(Boolean).join(' · ');
        const text = document.createElement('p');
        text.className = 'result-text';
        const lang = zh && h.meta.text_zh ? h.filters.text_zh_lang?.[0] : h.filters.language?.[0];
        if (lang) text.lang = lang;
        const shown = (zh && h.meta.text_zh) || h.meta.text || '';
        highlight(shown, terms, text);
        li.append(a, meta, text);
        if (h.meta.translation) {
          const tr = document.createElement('p');
          tr.className = 'result-text tr';
          const trLang = h.filters.translation_lang?.[0];
          if (trLang) tr.lang = trLang;
          highlight(h.meta.translation, terms, tr);
          li.append(tr);
        }
        return li;
      }),
    );
  }
}

if (!customElements.get('ec-search')) customElements.define('ec-search', EcSearch);
