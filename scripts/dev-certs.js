// Dev certificates for https://localhost, read directly from files. Uses the certificate that
// office-addin-dev-certs installs (~/.office-addin-dev-certs) when present, otherwise makes a
// self-signed one with openssl in .certs/ (git-ignored). Trusting it is up to the user: the
// Microsoft helper that installs certificates needs admin rights and cannot run here.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

function devCerts() {
  const official = path.join(os.homedir(), ".office-addin-dev-certs");
  const candidates = [
    { dir: official, cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" },
    { dir: path.join(__dirname, "..", ".certs"), cert: "localhost.crt", key: "localhost.key" },
  ];
  for (const c of candidates) {
    const cert = path.join(c.dir, c.cert);
    const key = path.join(c.dir, c.key);
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), certPath: cert, generated: c.dir !== official };
    }
  }
  const dir = candidates[1].dir;
  fs.mkdirSync(dir, { recursive: true });
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  try {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "365",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout", key, "-out", cert,
    ], { stdio: "ignore" });
  } catch (e) {
    throw new Error(
      "Could not create a development certificate: openssl is missing or failed. Install openssl " +
        "(apt-get install -y openssl), or run `npx office-addin-dev-certs install` on Windows/Mac, then retry."
    );
  }
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), certPath: cert, generated: true };
}

module.exports = { devCerts };
