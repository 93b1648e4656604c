#!/usr/bin/env bash
# The production install, checked (README, "Run in production"): the same steps as the Dockerfile.
# A clean folder with package.json, package-lock.json and the build; `npm ci --omit=dev`; the host
# started from dist/server/main.js in real mode against the CoWIN stand-in; /readyz must answer 200.
# CI runs it after `npm test` (.ci/run). It needs `npm run build` first, and the dev install for the
# stand-in. Loopback only; it stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
[ -f dist/server/main.js ] || { echo "dist/server/main.js is missing: run npm run build first." >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

echo "Production install in $work (npm ci --omit=dev)…"
cp package.json package-lock.json "$work/"
cp -r dist "$work/dist"
(cd "$work" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
if [ -d "$work/node_modules/msw" ] || [ -d "$work/node_modules/tsx" ] || [ -d "$work/node_modules/vite" ]; then
  echo "A production install holds development dependencies." >&2; exit 1
fi

cowin_port=$(free_port)
host_port=$(free_port)
COWIN_STANDIN_PORT=$cowin_port node --import tsx mock-api/serve.ts >/dev/null &
pids+=($!)

cat > "$work/providers.json" <<JSON
[{ "id": "agency-1", "name": "Agency One", "allowed_origins": ["https://agency.example"], "scope": ["status"] }]
JSON
signing_key=$(node -e "import('jose').then(async j=>console.log(JSON.stringify(await j.exportJWK((await j.generateKeyPair('ES256',{extractable:true})).privateKey))))")

echo "Starting the host from the production install, in real mode against the stand-in on port $cowin_port…"
# exec: the pid kept is the host's own, so that the cleanup stops the host and not only a subshell.
(cd "$work" && exec env -i PATH="$PATH" HOME="$HOME" \
  PORT="$host_port" \
  COWIN_API_BASE="http://127.0.0.1:$cowin_port/api" COWIN_API_KEY=mock-api-key \
  KYCVS_PROVIDERS="$work/providers.json" KYCVS_SIGNING_KEY="$signing_key" \
  KYCVS_SUBJECT_SECRET=the-production-check-subject-secret-of-32-chars \
  node dist/server/main.js >"$work/host.log" 2>&1) &
pids+=($!)

if node -e "
  const url = 'http://127.0.0.1:$host_port/readyz';
  const deadline = Date.now() + 30000;
  (async function poll() {
    const answer = await fetch(url).then(async (r) => ({ status: r.status, body: await r.text() }), () => undefined);
    if (answer?.status === 200) { console.log('/readyz: ' + answer.body); process.exit(0); }
    if (Date.now() > deadline) process.exit(1);
    setTimeout(poll, 200);
  })();
"; then
  echo "The production install serves."
else
  echo "/readyz did not answer 200 within 30 s. The host wrote:" >&2
  cat "$work/host.log" >&2
  exit 1
fi

# frame.html holds the details step rendered by the host (docs/architecture.md, "The first paint"):
# Preact and its renderer are in the host's bundle, not in the production install.
frame_url="http://127.0.0.1:$host_port/frame.html?provider=agency-1&origin=https%3A%2F%2Fagency.example&lang=hi"
if node -e "
  fetch('$frame_url').then(async (r) => {
    const html = await r.text();
    process.exit(r.status === 200 && html.includes('<div id=\"app\" data-prerendered><main class=\"kycvs\"><form') ? 0 : 1);
  }, () => process.exit(1));
"; then
  echo "frame.html comes with the form rendered."
else
  echo "frame.html did not come with the form rendered. The host wrote:" >&2
  cat "$work/host.log" >&2
  exit 1
fi
