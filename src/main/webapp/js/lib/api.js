// The one way the UI talks to the server: bearer token, one refresh and retry after a 401, problem+json
// turned into ApiError, and no exception that a screen has to know about fetch for.
import * as auth from './auth.js';

/** A refused or failed request, with the server's problem+json when there was one. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message || problem?.detail || problem?.title || `The request failed (${status}).`);
    this.status = status;
    this.problem = problem || {};
    this.offline = status === 0;
  }

  /** The field a 400 names (`field` in the problem), for showing the message next to it. */
  get field() { return this.problem.field || this.problem.errors?.[0]?.field || null; }

  get conflict() { return this.status === 409 || this.status === 412; }
}

const connectivity = new Set();
let online = true;

/** Called with true/false when the server becomes reachable or unreachable (the offline indicator). */
export function onConnectivity(listener) { connectivity.add(listener); listener(online); return () => connectivity.delete(listener); }

function reachable(value) {
  if (value === online) return;
  online = value;
  connectivity.forEach((l) => l(value));
}
window.addEventListener('offline', () => reachable(false));
window.addEventListener('online', () => reachable(true));

/**
 * Sends a request and answers the parsed JSON body (null for 204), or throws ApiError.
 * Options: method, body (sent as JSON unless `contentType` says otherwise), headers, raw (answer the Response's
 * body and headers as {json, etag, status}).
 */
export async function request(path, { method = 'GET', body, headers = {}, contentType = 'application/json', raw = false } = {}) {
  const send = (token) => fetch(path, {
    method,
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let token = auth.current()?.access;
  let response = await send(token).catch(() => null);
  if (response && response.status === 401 && token) {
    try {
      token = await auth.refresh(token);
    } catch (e) {
      throw new ApiError(e instanceof auth.Offline ? 0 : 401, null, e.message);
    }
    response = await send(token).catch(() => null);
  }
  if (!response) {
    reachable(false);
    // A change whose answer was lost may have been made: say so, rather than inviting a blind second try.
    throw new ApiError(0, null, method === 'GET' ? 'Tandem cannot be reached. Check the network.'
      : 'Tandem cannot be reached, so this may or may not have been saved. Check before trying again.');
  }
  reachable(true);
  const json = await parse(response);
  if (!response.ok) throw refusal(response, json);
  return raw ? { json, etag: response.headers.get('ETag'), status: response.status, headers: response.headers } : json;
}

async function parse(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  // During a restart a proxy or the container may answer with an HTML page: never parse that as JSON.
  if (!type.includes('json')) return undefined;
  try { return await response.json(); } catch { return undefined; }
}

function refusal(response, json) {
  if (json === undefined) {
    const message = response.status >= 500
      ? 'Tandem is not available right now (it may be restarting). Try again in a moment.'
      : `The server answered unexpectedly (${response.status}).`;
    return new ApiError(response.status, null, message);
  }
  if (response.status === 503) {
    const wait = response.headers.get('Retry-After');
    return new ApiError(503, json, `Tandem cannot reach its database right now${wait ? `; try again in ${wait} s` : ''}. Nothing was saved.`);
  }
  if (response.status === 401) {
    auth.signedOut();
  }
  return new ApiError(response.status, json);
}

export const get = (path) => request(path);
export const post = (path, body, options = {}) => request(path, { ...options, method: 'POST', body });
export const put = (path, body, options = {}) => request(path, { ...options, method: 'PUT', body });
export const del = (path, options = {}) => request(path, { ...options, method: 'DELETE' });

/** A merge-patch of just the changed fields, checked against the version the user started from. */
export const patch = (path, changes, version) => request(path, { method: 'PATCH', body: changes,
  contentType: 'application/merge-patch+json', headers: { 'If-Match': `"${version}"` } });

/** `path?name=value&...`, leaving out empty values. */
export function query(path, params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
