// Talking to the studio API, and building the page: small helpers shared by every view.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `The server answered ${status}.`);
    this.status = status;
    this.body = body ?? {};
  }
}

/** Calls the studio API; a FormData body is sent as a multipart form, any other body as JSON. Answers {data, etag}; throws ApiError. */
export async function api(path, { method = 'GET', body, etag } = {}) {
  const headers = { Accept: 'application/json' };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrf;
  if (etag) headers['If-Match'] = `"${etag}"`;
  const response = await fetch(`/api/v1/studio${path}`, {
    method, headers, body: body === undefined || form ? body : JSON.stringify(body), credentials: 'same-origin',
  });
  if (response.status === 401) {
    location.href = '/studio/login';
    throw new ApiError(401, { message: 'Please log in again.' });
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, etag: (response.headers.get('ETag') ?? '').replaceAll('"', '') || null };
}

/** h('div.card', {onclick}, child, ...): an element with classes, attributes and children. */
export function h(tag, attributes = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const element = document.createElement(name);
  if (classes.length) element.className = classes.join(' ');
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'value') element.value = value;
    else if (key === 'checked') element.checked = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children, skipping the empty ones (null, undefined, false). */
export function fill(parent, ...children) {
  parent.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false)
    .map(c => (c instanceof Node ? c : document.createTextNode(String(c)))));
  return parent;
}

export function toast(message, kind = '') {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.className = `toast ${kind}`;
  box.hidden = false;
  clearTimeout(box.timer);
  box.timer = setTimeout(() => { box.hidden = true; }, kind === 'error' ? 7000 : 3500);
}

export function when(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** A text in the first language that has it. */
export function pick(texts, ...languages) {
  if (!texts) return '';
  for (const language of languages) if (texts[language]) return texts[language];
  return Object.values(texts)[0] ?? '';
}

export function problemList(problems, title = 'Problems to fix') {
  if (!problems?.length) return null;
  return h('div.problems', { role: 'alert' }, h('b', {}, title),
    h('ul', {}, problems.map(p => h('li', {}, `${p.file}${p.line ? `:${p.line}` : ''} ${p.field ? `${p.field}: ` : ''}${p.message}`))));
}

export function navigate(path) {
  history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
