// The Content Security Policy of every page we serve: our own bundles and the locally served
// office.js only; no network calls (DESIGN: all data stays in the workbook).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Fluent UI (Griffel) inserts style rules at run time
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");
module.exports = { CSP };
