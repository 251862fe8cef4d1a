/**
 * `<ec-search>` on the search page: finds passages (a paragraph, a figure with its growth, a Q&A
 * exchange) and lists them grouped by call, newest quarter first, a few calls at a time ("show
 * more results" adds the next). Over http(s) Pagefind gives the candidates, in result order,
 * loading only the parts of the index a query needs and the records a step reads
 * (src/lib/ordered-search.ts); from file://, where Pagefind cannot run, the offline index
 * (src/lib/offline-search.ts) loads the shards and records a query needs, call by call. Either way
 * the same functions (src/lib/search.ts) read the query, expand it with the glossary, match and
 * order the passages, so both editions and both ways of opening the site list the same results.
 * Bundled by scripts/bundle-client.ts into a classic script.
 */
import { fold, parseQuery, groupByCall, queryPhrases, type CompiledGlossary, type Query, type SearchDoc, type SearchHit } from '../lib/search.ts';
import { OFFLINE_DIR, OfflineSearch, STEP } from '../lib/offline-search.ts';
import { OrderedCursor } from '../lib/ordered-search.ts';
import { BLOCKS_DIR, BLOCKS_FILE, blockOffsets, type BlocksManifest } from '../lib/search-blocks.ts';

interface Filters {
  [name: string]: string[];
}

interface PagefindResult {
  id: string;
  data(): Promise<{ content: string; meta: Record<string, string>; filters: Filters }>;
}

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(basePath: string): Promise<void>;
  search(term: string, o: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] } | null>;
}

declare global {
  interface Window {
    ecOffline?: Record<string, unknown>;
  }
}

/** Results shown a few calls at a time: each step adds the next calls' results. */
interface Feed {
  next(): Promise<SearchHit[]>;
  readonly done: boolean;
  /** The status line once the step's results are shown. */
  status(shown: number, calls: number): string;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

/** What to mark in shown text: each phrase as folded text (Chinese characters joined, words apart). */
function markTerms(query: Query): string[] {
  // A phrase of words is also marked whole, spaces included ("free cash flow" as one mark).
  return queryPhrases(query).flatMap((p) => (p.every((t) => /\p{Script=Han}/u.test(t)) ? [p.join('')] : [...(p.length > 1 ? [p.join(' ')] : []), ...p.filter((t) => t.length > 1 || /\p{Script=Han}/u.test(t))]));
}

/** Marks the query's words in a verbatim text, matching through the same folding. */
function highlight(text: string, terms: readonly string[], into: HTMLElement): void {
  // Fold character by character so offsets in the folded text are offsets in the original.
  const chars = Array.from(text);
  const folded = chars.map((c) => {
    const f = fold(c);
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
  /** The Pagefind index's blocks in result order, each with the number of its first record. */
  private blocks: Array<{ id: string; offset: number }> = [];
  private offline: OfflineSearch | undefined;
  private feed: Feed | undefined;
  /** Results and calls shown for the current query. */
  private shown = { hits: 0, calls: 0 };
  private glossary: CompiledGlossary = { entries: [] };
  private root = '';
  private rootPath = '/';
  private edition = 'en';
  private strings: Record<string, string> = {};
  private seq = 0;
  /** What the results shown (or being found) answer: question(). */
  private asked = '';

  async connectedCallback(): Promise<void> {
    this.root = this.dataset.root ?? '';
    this.edition = this.dataset.edition ?? 'en';
    this.strings = JSON.parse(this.dataset.strings ?? '{}');
    this.glossary = JSON.parse(this.dataset.glossary ?? '{"entries":[]}');
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
      // Leaving the query field fires "change" too: the results shown (and the ones added with
      // "show more") stay unless the query or a filter differs from what they answer.
      if (this.asked !== this.question(form)) void this.run(form);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.run(form), 150);
    });
    // Restore a query from the address (search.html?q=…&quarter=…&kind=figure).
    const params = new URLSearchParams(location.search);
    for (const [k, v] of params) {
      const el = form.elements.namedItem(k);
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = el.value === v;
      else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.value = v;
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

  private async engine(): Promise<'pagefind' | 'offline'> {
    if (this.pagefind || this.offline) return this.pagefind ? 'pagefind' : 'offline';
    if (location.protocol !== 'file:') {
      try {
        const mod = (await import(/* @vite-ignore */ new URL(`${this.root}pagefind/pagefind.js`, location.href).href)) as PagefindApi;
        await mod.options({ baseUrl: this.rootPath });
        await mod.init();
        // The blocks after the first are bundles of their own, merged into the first's
        // (src/lib/search-blocks.ts); a record's block is a filter, its number one within it.
        const manifest = (await (await fetch(new URL(`${this.root}pagefind/${BLOCKS_FILE}`, location.href).href)).json()) as BlocksManifest;
        const offsets = blockOffsets(manifest);
        await Promise.all(manifest.blocks.slice(1).map((b) => mod.mergeIndex(new URL(`${this.root}pagefind/${BLOCKS_DIR}/${b.id}/`, location.href).href)));
        this.blocks = manifest.blocks.map((b) => ({ id: b.id, offset: offsets.get(b.id)! }));
        this.pagefind = mod;
        return 'pagefind';
      } catch {
        // Fall through to the offline index, classic scripts that file:// can load.
      }
    }
    this.offline = await OfflineSearch.open(async (part) => {
      const parts = (window.ecOffline ??= {});
      if (!(part in parts)) {
        try {
          await loadScript(`${this.root}${OFFLINE_DIR}/${part}.js`);
        } catch {
          return undefined;
        }
      }
      return parts[part];
    });
    return 'offline';
  }

  private filters(form: HTMLFormElement): Filters {
    const out: Filters = {};
    for (const name of ['company', 'quarter', 'segment', 'role', 'language', 'kind']) {
      const el = form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement | null;
      const v = el instanceof HTMLInputElement && el.type === 'checkbox' ? (el.checked ? el.value : '') : el?.value;
      if (v) out[name] = [v];
    }
    return out;
  }

  /** The query and filters of the form, as one string. */
  private question(form: HTMLFormElement): string {
    return JSON.stringify([(form.elements.namedItem('q') as HTMLInputElement).value, this.filters(form)]);
  }

  private async run(form: HTMLFormElement): Promise<void> {
    const seq = ++this.seq;
    this.asked = this.question(form);
    const raw = (form.elements.namedItem('q') as HTMLInputElement).value;
    const query = parseQuery(raw, this.glossary);
    const results = this.querySelector<HTMLElement>('[data-results]')!;
    if (query.groups.length === 0) {
      results.replaceChildren();
      this.status('');
      this.dataset.done = raw;
      return;
    }
    this.status(this.strings.searching ?? '…');
    const engine = await this.engine();
    const filters = this.filters(form);
    const feed = engine === 'pagefind' ? await this.pagefindFeed(query, filters) : this.offlineFeed(query, filters);
    if (seq !== this.seq) return;
    this.feed = feed;
    this.shown = { hits: 0, calls: 0 };
    results.replaceChildren();
    await this.step(seq, query, raw);
  }

  /** Shows the feed's next results, the status line and, while more may follow, the "more" button. */
  private async step(seq: number, query: Query, raw: string): Promise<void> {
    const feed = this.feed!;
    const hits = await feed.next();
    if (seq !== this.seq) return;
    const results = this.querySelector<HTMLElement>('[data-results]')!;
    results.querySelector('.more-results')?.remove();
    const groups = this.render(hits, markTerms(query), results);
    this.shown = { hits: this.shown.hits + hits.length, calls: this.shown.calls + groups };
    this.status(feed.status(this.shown.hits, this.shown.calls));
    if (!feed.done) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'more-results';
      more.textContent = this.strings.more ?? '…';
      more.addEventListener('click', () => {
        more.disabled = true;
        delete this.dataset.done;
        const before = this.shown.calls;
        // Focus moves to the heading of the first call just added.
        void this.step(seq, query, raw).then(() => results.querySelectorAll<HTMLElement>('.result-group h2')[before]?.focus());
      });
      results.append(more);
    }
    // The query whose results are shown, for scripts and tests that wait for them.
    this.dataset.done = raw;
  }

  /**
   * Pagefind's results, a step at a time (src/lib/ordered-search.ts): each phrase of the query is
   * asked for in record order, and only the records a step reads are fetched. Pagefind matches
   * more loosely than the query means (words anywhere, prefixes); rank() keeps exactly what the
   * file:// path would.
   */
  private async pagefindFeed(query: Query, filters: Filters): Promise<Feed> {
    // Asked block by block, in result order: Pagefind sorts one index's results by `n`, but
    // merges several by score, so a search that only one block can answer keeps the order.
    const cursor = await OrderedCursor.open(query, filters, async (phrase) => {
      const found = await Promise.all(
        this.blocks.map(async ({ id, offset }) => {
          const res = await this.pagefind!.search(phrase, { filters: { ...filters, block: [id] }, sort: { n: 'asc' } });
          return (res?.results ?? []).map((r) => ({
            id: r.id,
            // Each record's page address is its `href` meta (scripts/index-search.ts gives
            // Pagefind record pages, whose url is not the page's); `n` is its number in its block.
            data: async () => {
              const { meta: { href, n, ...meta }, content, filters: { block: _, ...f } } = await r.data();
              return { url: href ?? '', n: offset + Number(n), tokens: content.trim().split(/\s+/), meta, filters: f };
            },
          }));
        }),
      );
      return found.flat();
    });
    return {
      next: () => cursor.next(STEP.hits),
      get done() {
        return cursor.done;
      },
      status: (n, calls) => this.countStatus(cursor.done, n, calls),
    };
  }

  /** "N results in M calls", or while more may follow "in the first M calls". */
  private countStatus(done: boolean, n: number, calls: number): string {
    if (done && n === 0) return this.strings.none ?? '';
    return (this.strings[done ? 'count' : 'countSoFar'] ?? '{n}').replace('{n}', String(n)).replace('{calls}', String(calls));
  }

  /** The offline index's results: each step loads the next calls' records (STEP: results and bytes). */
  private offlineFeed(query: Query, filters: Filters): Feed {
    const cursor = this.offline!.search(query, filters);
    // "(offline search)" after the count; Chinese sets no space before its full-width bracket.
    const offline = `${this.edition === 'zh' ? '' : ' '}${this.strings.offline ?? ''}`;
    return {
      next: () => cursor.next(STEP.hits, STEP.bytes),
      get done() {
        return cursor.done;
      },
      status: (n, calls) => this.countStatus(cursor.done, n, calls) + offline,
    };
  }

  /** Appends the hits' calls to the list; returns how many calls. */
  private render(hits: readonly SearchDoc[], terms: readonly string[], into: HTMLElement): number {
    const zh = this.edition === 'zh';
    const f = (h: SearchDoc, name: string) => h.filters[`${name}_${zh ? 'zh' : 'en'}`]?.join(' · ') ?? '';
    const groups = groupByCall(hits);
    into.append(
      ...groups.map((group, gi) => {
        const section = document.createElement('section');
        section.className = 'result-group';
        const first = group.hits[0]!;
        const h2 = document.createElement('h2');
        h2.id = `results-${this.shown.calls + gi + 1}`;
        h2.tabIndex = -1;
        h2.textContent = [f(first, 'company'), f(first, 'quarter')].filter(Boolean).join(' · ');
        const count = document.createElement('span');
        count.className = 'muted result-count';
        count.textContent = ` ${(this.strings.groupCount ?? '{n}').replace('{n}', String(group.hits.length))}`;
        h2.append(count);
        section.setAttribute('aria-labelledby', h2.id);
        const list = document.createElement('ol');
        list.className = 'results';
        list.append(...group.hits.map((h) => this.item(h, terms, f)));
        section.append(h2, list);
        return section;
      }),
    );
    return groups.length;
  }

  private item(h: SearchDoc, terms: readonly string[], f: (h: SearchDoc, name: string) => string): HTMLLIElement {
    const zh = this.edition === 'zh';
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `${this.root}${zh ? 'zh/' : ''}${h.url}`;
    a.className = 'result-link';
    const kindName = h.filters.kind?.[0] ?? 'paragraph';
    li.className = `result result-${kindName}`;
    const title = kindName === 'figure' ? `${f(h, 'metric')}${f(h, 'figure_segment') ? ` · ${f(h, 'figure_segment')}` : ''}` : kindName === 'exchange' ? (h.meta.title ?? '') : f(h, 'speaker');
    a.textContent = title || f(h, 'quarter');
    li.append(a);
    if (kindName === 'figure') {
      const value = document.createElement('span');
      value.className = 'result-value';
      value.textContent = h.meta[zh ? 'value_zh' : 'value_en'] ?? '';
      li.append(' ', value);
    }
    const meta = document.createElement('span');
    meta.className = 'result-meta';
    const role = h.filters.role?.[0];
    meta.textContent = [this.strings[`kind_${kindName}`], role ? this.strings[`role_${role}`] : '', f(h, 'segment')].filter(Boolean).join(' · ');
    const text = document.createElement('p');
    text.className = 'result-text';
    const lang = zh && h.meta.text_zh ? h.filters.text_zh_lang?.[0] : h.filters.language?.[0];
    if (lang) text.lang = lang;
    highlight((zh && h.meta.text_zh) || h.meta.text || '', terms, text);
    li.append(meta, text);
    if (h.meta.translation) {
      const tr = document.createElement('p');
      tr.className = 'result-text tr';
      const trLang = h.filters.translation_lang?.[0];
      if (trLang) tr.lang = trLang;
      highlight(h.meta.translation, terms, tr);
      li.append(tr);
    }
    return li;
  }
}

if (!customElements.get('ec-search')) customElements.define('ec-search', EcSearch);
