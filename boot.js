// Starts the app. Trunk would start it from an inline <script type="module">, which the
// Content-Security-Policy of deploy/nginx.conf refuses (script-src 'self': files only). Instead,
// Trunk.toml's pattern_script writes the hashed names of wasm-bindgen's JS and of the wasm into
// two <meta> elements, and index.html loads this file (hashed, with an integrity attribute).
//
// config.json is asked for here, at once, not by the app once its wasm has started: the request
// then runs while the wasm downloads and compiles. The app takes the promise from
// window.cmsConfigRequest (src/embed/config_fetch.rs) and handles its answer, or its failure,
// as if it had asked itself. The marks time the start for the benchmarks (docs/benchmarks.md).

performance.mark("cms-boot");
window.cmsConfigRequest = fetch(new URL("config.json", document.baseURI), { cache: "no-cache" });
// Handled by the app; without this a failure would also be reported as unhandled before then.
window.cmsConfigRequest.catch(() => {});

// The source query (`?uuid=`) is asked for here too, as soon as config.json says where the API
// is, so that it runs while the wasm downloads instead of after it. The app's client
// (src/client/early_request.rs) takes window.cmsSourceRequest on its first request and uses
// this answer only when that request is exactly this one (method, URL and every header, the
// `signature`); otherwise it aborts this one and asks itself. The rules below are the app's,
// kept narrower where they differ: only the token the app would use, only to this origin.
// tests/boot_script.rs holds these constants to the app's.
const SESSION_KEY = "cms.session";
const DEFAULT_API_BASE = "/zstack";
const SOURCE_PATH = "/v1/ai/model-services/";
const JSON_TYPE = "application/json;charset=UTF-8";

// src/embed/session_token.rs: `#session=` first (letters and digits, 1 to 128), else the tab's.
function sessionToken() {
  const isToken = (s) => typeof s === "string" && /^[A-Za-z0-9]{1,128}$/.test(s);
  const pair = location.hash.replace(/^#+/, "").split("&").find((p) => p.startsWith("session="));
  const fromAddress = pair?.slice("session=".length).trim();
  if (isToken(fromAddress)) return fromAddress;
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY));
    return isToken(stored) ? stored : null;
  } catch {
    return null;
  }
}

// src/embed/page_config.rs: the first `uuid=`, 32 hexadecimal digits, in lower case.
function sourceUuid() {
  for (const pair of location.search.replace(/^\?/, "").split("&")) {
    const at = pair.indexOf("=");
    if ((at < 0 ? pair : pair.slice(0, at)) !== "uuid") continue;
    const uuid = at < 0 ? "" : pair.slice(at + 1).trim();
    return /^[0-9a-fA-F]{32}$/.test(uuid) ? uuid.toLowerCase() : null;
  }
  return null;
}

// src/embed/runtime_config.rs: no config.json (404) is the default; apiBase a path on this origin.
async function apiBase(response) {
  if (response.status === 404) return DEFAULT_API_BASE;
  if (!response.ok) return null;
  const text = await response.text();
  if (text.trimStart().startsWith("<")) return DEFAULT_API_BASE;
  const config = JSON.parse(text);
  const base = config === null || typeof config !== "object" ? undefined : config.apiBase;
  if (base === undefined) return DEFAULT_API_BASE;
  return typeof base === "string" && /^\/(?!\/)[A-Za-z0-9._~\/-]*$/.test(base) ? base.replace(/\/+$/, "") : null;
}

async function askForTheSource() {
  // Framed, the host gives the session; without a uuid and a session there is no query.
  const uuid = sourceUuid();
  const session = sessionToken();
  if (window.parent !== window || !uuid || !session) return null;
  const base = await apiBase((await window.cmsConfigRequest).clone());
  if (base === null) return null;
  const url = `${base}${SOURCE_PATH}${uuid}`;
  const headers = [["Content-Type", JSON_TYPE], ["Authorization", `OAuth ${session}`]];
  const controller = new AbortController();
  const response = fetch(url, { headers, signal: controller.signal });
  response.catch(() => {});
  const signature = [`GET ${url}`, ...headers.map(([name, value]) => `${name}: ${value}`)].join("\n");
  return { signature, response, controller };
}

// Always settles (null: nothing was asked for), since the app's first request waits for it.
window.cmsSourceRequest = askForTheSource().catch(() => null);

function content(name) {
  const meta = document.querySelector(`meta[name="${name}"]`);
  if (!meta) throw new Error(`no <meta name="${name}"> in the page`);
  return meta.content;
}

async function start() {
  const bindings = await import(content("cms-app-js"));
  const wasm = await bindings.default({ module_or_path: content("cms-app-wasm") });
  performance.mark("cms-wasm-started");
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}

start().catch((error) => {
  console.error("Clone model service could not start:", error);
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.textContent = `Clone model service could not start: ${error}`;
  document.body.append(message);
});
