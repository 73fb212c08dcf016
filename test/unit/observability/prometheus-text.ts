/**
 * A small reader of the Prometheus text exposition format (version 0.0.4), strict enough to catch a
 * malformed line: every line must be blank, a `# HELP` / `# TYPE` comment, or `name{labels} value`.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
// Prometheus reads values with Go's ParseFloat, which takes NaN and Inf in any case: prom-client writes
// `Nan` for the event-loop lag before its first sample.
const VALUE = '(?:[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|[Nn][Aa][Nn]|[-+]?[Ii][Nn][Ff](?:[Ii][Nn][Ii][Tt][Yy])?)';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (${VALUE})(?: -?\\d+)?$`);
const COMMENT = new RegExp(`^# (?:HELP ${NAME} .*|TYPE ${NAME} (?:counter|gauge|histogram|summary|untyped))$`);
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses exposition text into samples; throws on the first line that is not valid. */
export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '' || COMMENT.test(line)) return;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`line ${i + 1} is not Prometheus text: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL_PAIR))
      labels[key] = value.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    samples.push({ name: match[1], labels, value: /^nan$/i.test(match[3]) ? NaN : Number(match[3].replace(/inf(inity)?$/i, 'Infinity')) });
  });
  return samples;
}

/** The value of the one sample with this name whose labels include `labels`; throws when there is not exactly one. */
export function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found[0].value;
}
