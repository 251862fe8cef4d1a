import { readFileSync } from 'node:fs';
import { convert, textInput } from './tests/helpers.ts';
const base = readFileSync('tests/fixtures/layouts/plain-english-with-participant-lists.txt', 'utf8').replaceAll('Acme Holdings', 'Alibaba Group');
const [head, body] = [base.slice(0, base.indexOf('Presentation')), base.slice(base.indexOf('Presentation'))];
let big = head;
let i = 0;
while (big.length < 2_000_000) { big += `\nSam Lee\n\nParagraph ${i++}: Cloud revenue grew 12% to $4.1 billion and free cash flow was RMB1.2 billion. 阿里云收入增长 5%。\n`; }
let t = performance.now();
let r = convert([textInput('seeds/big.txt', big)]);
console.log('2MB', (performance.now() - t).toFixed(0), 'ms', r.errors.map(e=>e.message), r.calls[0]?.figures.length);
const line = head + '\nOperator\n\n' + 'Revenue grew 5% to RMB1 billion, and the quarter was good. '.repeat(18000) + '\n';
t = performance.now();
r = convert([textInput('seeds/line.txt', line)]);
console.log('1MB line', (performance.now() - t).toFixed(0), 'ms', r.errors.map(e=>e.message));
