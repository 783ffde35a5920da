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
