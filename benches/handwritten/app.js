// The benchmark's baseline (e2e/tests/benchmarks.rs): the app's main path written by hand, no
// framework, no wasm. It is served by the same nginx with the same deploy/nginx.conf (so the
// same CSP: this file, no inline script or style), takes the session the same way (#session=,
// which leaves the address at once and is kept in the tab's sessionStorage), reads config.json
// for the API base as the app does, makes the same source query
// (GET <apiBase>/v1/ai/model-services/<uuid> with Authorization: OAuth <session>), renders a
// control for every one of the 27 parameters (src/zstack/parameters.rs) with its pre-filled
// value and one row per architecture, and sets the same performance mark ("cms-editing") once
// the form is in the document with its handlers.

const PARAMETERS = [
  // [API name, control]
  ["uuid", "readonly"],
  ["name", "line"],
  ["description", "multiline"],
  ["type", ["Endpoint", "FineTune", "App", "ModelEval"]],
  ["framework", "line"],
  ["requestCpu", "number"],
  ["requestMemory", "number"],
  ["startCommand", "multiline"],
  ["pythonVersion", "line"],
  ["condaVersion", "line"],
  ["installPath", "line"],
  ["gpuComputeCapability", "line"],
  ["supportDistributed", "switch"],
  ["containerCommand", "line"],
  ["containerArgs", "line"],
  ["yaml", "multiline"],
  ["readme", "multiline"],
  ["source", ["Other", "Bentoml", "HuggingFace"]],
  ["size", "number"],
  ["resourceUuid", "line"],
  ["system", "switch"],
  ["vendorToSpecUuidsMap", "vendors"],
  ["systemTags", "lines"],
  ["userTags", "lines"],
  ["tagUuids", "lines"],
  ["cpuArchitectures", "derived"],
  ["architectureImages", "rows"],
];
const ARCHITECTURES = ["x86_64", "aarch64", "loongarch64", "mips64el"];
const SESSION_KEY = "cms-baseline-session";

function takeSession() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromAddress = fragment.get("session");
  if (fromAddress) {
    history.replaceState(null, "", location.pathname + location.search);
    sessionStorage.setItem(SESSION_KEY, fromAddress);
    return fromAddress;
  }
  return sessionStorage.getItem(SESSION_KEY);
}

async function apiBase() {
  const response = await fetch(new URL("config.json", document.baseURI), { cache: "no-cache" });
  if (response.status === 404) return "/zstack";
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()).apiBase ?? "/zstack";
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function control(name, kind, value, draft) {
  let node;
  if (Array.isArray(kind)) {
    node = element("select", { name }, ...kind.map((v) => element("option", { value: v }, v)));
    node.value = value ?? kind[0];
  } else if (kind === "multiline") {
    node = element("textarea", { name });
    node.value = value ?? "";
  } else if (kind === "switch") {
    node = element("input", { name, type: "checkbox" });
    node.checked = !!value;
  } else if (kind === "lines") {
    node = element("textarea", { name });
    node.value = (value ?? []).join("\n");
  } else if (kind === "vendors") {
    node = element("textarea", { name });
    node.value = Object.entries(value ?? {})
      .map(([vendor, specs]) => `${vendor}: ${specs.join(", ")}`)
      .join("\n");
  } else {
    node = element("input", { name, type: kind === "number" ? "number" : "text" });
    if (kind === "readonly") node.readOnly = true;
    node.value = value ?? "";
  }
  node.id = `f-${name}`;
  node.addEventListener("input", () => {
    draft[name] = node.type === "checkbox" ? node.checked : node.value;
  });
  return [element("label", { for: node.id }, name), node];
}

function row(index, image, draft) {
  const fields = [
    ["cpuArchitecture", ARCHITECTURES],
    ["vmImageUuid", "line"],
    ["dockerImage", "line"],
  ];
  const controls = fields.flatMap(([field, kind]) =>
    control(`architectureImages.${index}.${field}`, kind, image[field], draft),
  );
  return element("fieldset", { class: "row" }, element("legend", {}, `Architecture ${index + 1}`), ...controls);
}

function render(source) {
  const draft = {};
  const form = element("form", { novalidate: "" });
  for (const [name, kind] of PARAMETERS) {
    if (kind === "derived") {
      form.append(element("p", {}, `${name}: ${(source.cpuArchitectures ?? []).join(", ")}`));
    } else if (kind === "rows") {
      const rows = (source.modelServiceImages ?? []).map((image, i) => row(i, image, draft));
      form.append(element("fieldset", { name }, element("legend", {}, name), ...rows));
    } else {
      form.append(...control(name, kind, source[name], draft));
    }
  }
  form.append(element("button", { type: "submit" }, "Clone"));
  form.addEventListener("submit", (event) => event.preventDefault());
  return form;
}

function fail(dialog, message) {
  dialog.replaceChildren(element("p", { role: "alert", class: "error" }, message));
}

async function start() {
  const dialog = element("dialog", { class: "baseline" }, element("p", {}, "Loading…"));
  document.body.append(dialog);
  dialog.showModal();
  const uuid = new URLSearchParams(location.search).get("uuid");
  const session = takeSession();
  if (!uuid || !session) return fail(dialog, "Needs ?uuid= and #session=.");
  const base = await apiBase();
  const response = await fetch(`${base}/v1/ai/model-services/${encodeURIComponent(uuid)}`, {
    headers: { "Content-Type": "application/json;charset=UTF-8", Authorization: `OAuth ${session}` },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    return fail(dialog, `HTTP ${response.status}${error ? `: ${error.code} ${error.description ?? ""} ${error.details ?? ""}` : ""}`);
  }
  const source = body?.inventories?.[0];
  if (!source) return fail(dialog, "The source model service was not found.");
  dialog.replaceChildren(element("h1", {}, "Clone model service"), render(source));
  dialog.dataset.phase = "editing";
  performance.mark("cms-editing");
}

start().catch((error) => fail(document.querySelector("dialog"), `Could not start: ${error}`));
