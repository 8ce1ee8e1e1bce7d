// A server as bundled for a container or a Lambda (esbuild --bundle --platform=node):
// the inline entry, so the bundle needs no .wasm file beside it.
import http from 'node:http';
import { validateCustomerText, toDwollaError } from 'dwolla-validator/inline';

const today = process.env.TODAY;
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const report = validateCustomerText(body, today ? { today } : undefined);
    if (!report.valid) {
      res.writeHead(400, { 'content-type': 'application/vnd.dwolla.v1.hal+json' });
      res.end(JSON.stringify(toDwollaError(report)));
      return;
    }
    res.writeHead(201).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
