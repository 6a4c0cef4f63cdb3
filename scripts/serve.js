#!/usr/bin/env node
// Serves dist/ (the built add-in) on localhost: https with dev certificates for Office
// (`npm start`), or plain http for the end-to-end tests (`--http`). Every response carries the
// add-in's Content Security Policy. No directory listings, nothing outside dist/.
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");
const { CSP } = require("./csp");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function handler(root) {
  return (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (rel === "/") rel = "/preview.html";
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${rel}\n`);
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Content-Security-Policy": CSP,
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-store",
      });
      fs.createReadStream(file).pipe(res);
    });
  };
}

/** Starts a server over `root`; resolves with { server, url }. Port 0 picks a free port. */
function serve({ root = path.resolve(__dirname, "..", "dist"), port = 3000, secure = true, host = "127.0.0.1" } = {}) {
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    return Promise.reject(new Error(`No build in ${root}: run \`npm run build\` first.`));
  }
  const h = handler(path.resolve(root));
  let server;
  if (secure) {
    const { devCerts } = require("./dev-certs");
    const { cert, key } = devCerts();
    server = https.createServer({ cert, key }, h);
  } else {
    server = http.createServer(h);
  }
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, url: `${secure ? "https" : "http"}://localhost:${actual}` });
    });
  });
}

function sideloadHelp(url, certPath) {
  const manifest = path.resolve(__dirname, "..", "manifest.xml");
  return `
Receivables Steward is served at ${url}
  Preview without Excel (in-memory workbook): ${url}/preview.html

First, trust the development certificate${certPath ? ` (${certPath})` : ""}: open ${url}/taskpane.html
in the browser or machine that runs Excel and accept it, or add it to the system's trusted roots.

Sideload ${manifest}:
  Excel on the web: open a workbook, Home > Add-ins > More Add-ins (or Insert > Add-ins),
    My Add-ins > Upload My Add-in, choose manifest.xml.
  Windows: put manifest.xml in a shared folder, add that share under File > Options >
    Trust Center > Trust Center Settings > Trusted Add-in Catalogs (tick "Show in Menu"),
    restart Excel, then Insert (Home) > Add-ins > My Add-ins > Shared Folder > Receivables Steward.
  Mac: copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
    (create the folder if missing), restart Excel, then Insert > Add-ins > My Add-ins.

The "Receivables" tab appears on the ribbon; =AR.AGING_CLASS(...) and siblings are available in cells.
Stop with Ctrl+C.
`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const secure = !args.includes("--http");
  const portArg = args.find((a) => a.startsWith("--port="));
  const port = portArg ? Number(portArg.slice(7)) : Number(process.env.PORT || 3000);
  serve({ port, secure, host: "localhost" })
    .then(({ url }) => {
      let certPath;
      if (secure) certPath = require("./dev-certs").devCerts().certPath;
      process.stdout.write(sideloadHelp(url, certPath));
    })
    .catch((e) => {
      process.stderr.write(`Cannot serve the add-in: ${e.message}\n`);
      process.exit(1);
    });
}

module.exports = { serve };
