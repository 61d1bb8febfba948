// Type-checked (not run) by tests/npm/package.test.mjs: the package's types describe the output.
import init, { analyze, type Analysis, type Entity, type Quote } from '../../pkg/article_analyzer.js';

export async function demo(text: string): Promise<string[]> {
  await init();
  const a: Analysis = analyze(text, { articleDate: '2021-01-27', topics: false });
  const people: Entity[] = a.entities.filter((e) => e.label === 'PER');
  const lines = people.map((e) => `${e.name} ×${e.mentions.length} (${e.salience.toFixed(2)})`);
  const q: Quote | undefined = a.quotes[0];
  if (q?.speaker) lines.push(`${q.speaker.name}: ${text.slice(q.start, q.end)} [${q.rule} ${q.confidence}]`);
  const d = a.entities.find((e) => e.label === 'DATE')?.value ?? a.meta.article_date;
  if (d) lines.push(d);
  // @ts-expect-error: labels are a closed set
  const bad: Entity['label'] = 'PERSON';
  void bad;
  return lines.concat(a.topics.categories.map((c) => c.label));
}
