// Part of the JS binding (src/bindings.rs): builds the Analysis object from the engine's compact
// form (src/jsform.rs describes it) — the same keys in the same order and the same values as
// JSON.parse of the engine's JSON, with offsets in UTF-16 units. A span's text is sliced from the
// caller's string `text`; `words` and `nums` are views of the wasm memory, read before returning.
const NONE = 0xffffffff;
const LABELS = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT'];
const MENTION_KINDS = ['name', 'nominal', 'pronoun'];
const QUOTE_KINDS = ['direct', 'partial', 'indirect', 'term'];

export function buildAnalysis(text, words, nums, table, ends) {
  const S = new Array(ends.length);
  for (let i = 0, p = 0; i < ends.length; i++) {
    S[i] = table.slice(p, ends[i]);
    p = ends[i];
  }
  let w = 0;
  let n = 0;
  const num = () => {
    const v = nums[n++];
    return v === v ? v : null; // NaN: serde_json's null
  };
  const span = () => {
    const start = words[w];
    const end = words[w + 1];
    const t = words[w + 2];
    w += 3;
    return { start, end, text: t === 0 ? text.slice(start, end) : S[t - 1] };
  };

  const meta = { chars: words[0], words: words[1], sentences: words[2], paragraphs: words[3], reading_minutes: words[4] };
  w = 5;
  if (words[w] !== NONE) meta.article_date = S[words[w]];
  w++;
  if (words[w] !== NONE) meta.article_date_source = S[words[w]];
  w++;
  meta.language = S[words[w++]];
  if (words[w++] === 1) meta.truncated = true;

  const entities = new Array(words[w++]);
  for (let i = 0; i < entities.length; i++) {
    const id = S[words[w]];
    const name = S[words[w + 1]];
    const label = LABELS[words[w + 2]];
    w += 3;
    const salience = num();
    const mentions = new Array(words[w++]);
    for (let j = 0; j < mentions.length; j++) {
      const start = words[w];
      const end = words[w + 1];
      const t = words[w + 2];
      mentions[j] = {
        start, end, text: t === 0 ? text.slice(start, end) : S[t - 1],
        kind: MENTION_KINDS[words[w + 3]], rule: S[words[w + 4]], confidence: num(),
      };
      w += 5;
    }
    const e = { id, name, label, salience, mentions };
    if (words[w] !== NONE) e.value = S[words[w]];
    w++;
    entities[i] = e;
  }

  const quotes = new Array(words[w++]);
  for (let i = 0; i < quotes.length; i++) {
    const q = span();
    q.kind = QUOTE_KINDS[words[w++]];
    if (words[w++] === 1) {
      const sp = {};
      if (words[w] !== NONE) sp.entity = S[words[w]];
      sp.name = S[words[w + 1]];
      w += 2;
      if (words[w++] === 1) sp.mention = span();
      q.speaker = sp;
    }
    if (words[w++] === 1) q.cue = span();
    q.rule = S[words[w++]];
    q.confidence = num();
    if (words[w++] === 1) q.unclosed = true;
    quotes[i] = q;
  }

  const keyphrases = new Array(words[w++]);
  for (let i = 0; i < keyphrases.length; i++) {
    const kt = S[words[w++]];
    const score = num();
    const mentions = new Array(words[w++]);
    for (let j = 0; j < mentions.length; j++) mentions[j] = span();
    const k = { text: kt, score, mentions };
    if (words[w] !== NONE) k.entity = S[words[w]];
    w++;
    keyphrases[i] = k;
  }
  const categories = new Array(words[w++]);
  for (let i = 0; i < categories.length; i++) {
    const c = { code: S[words[w]], label: S[words[w + 1]] };
    w += 2;
    c.score = num();
    if (words[w] !== NONE) c.parent = S[words[w]];
    w++;
    const ne = words[w++];
    if (ne > 0) {
      c.evidence = new Array(ne);
      for (let j = 0; j < ne; j++) c.evidence[j] = S[words[w++]];
    }
    categories[i] = c;
  }
  return { meta, entities, quotes, topics: { keyphrases, categories } };
}
