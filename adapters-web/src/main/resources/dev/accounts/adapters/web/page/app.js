// The accounts page. It uses the API as the README tells a front end to: tokens stay in HttpOnly cookies the
// browser sends by itself, the CSRF token comes from the readable cookie into X-CSRF-Token, and a request
// refused with 401 is tried once more after a refresh. Text reaches the page through textContent only.

const byId = (id) => document.getElementById(id);
const VIEWS = ['loading', 'verify', 'reset', 'signed-out', 'signed-in'];

/** The readable CSRF cookie: __Host-csrf_token, or csrf_token where cookies are not Secure (plain-http trials). */
function csrfToken() {
  return document.cookie.match(/(?:^|; )(?:__Host-)?csrf_token=([^;]+)/)?.[1];
}

function send(method, path, body) {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const csrf = csrfToken();
  if (csrf && method !== 'GET') {
    headers['X-CSRF-Token'] = csrf;
  }
  return fetch(path, {method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)});
}

let refreshing = null;

/** One refresh at a time: a second caller waits for the first's, since each refresh token works once. */
function refreshed() {
  refreshing ??= send('POST', '/auth/refresh').then((response) => response.ok, () => false).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Sends a request and reads its answer. With {session: true} a 401 (the access token expired) leads to one
 * refresh and one retry, as long as the CSRF cookie says there is a session to refresh.
 */
async function call(method, path, body, {session = false} = {}) {
  try {
    let response = await send(method, path, body);
    if (response.status === 401 && session && csrfToken() && await refreshed()) {
      response = await send(method, path, body);
    }
    const type = response.headers.get('Content-Type') ?? '';
    const answer = type.includes('json') ? await response.json().catch(() => ({})) : {};
    return {ok: response.ok, status: response.status, body: answer, retryAfter: response.headers.get('Retry-After')};
  } catch {
    return {ok: false, status: 0, body: {}, retryAfter: null};
  }
}

/** Retry-After (seconds, or an HTTP date) as a person says it. */
function whenToRetry(retryAfter) {
  // RFC 9110: a whole number of seconds or an HTTP date; anything else (a proxy's own answer) says nothing usable.
  const text = (retryAfter ?? '').trim();
  const date = /GMT$/.test(text) ? Date.parse(text) : NaN;
  const seconds = Math.ceil(/^\d+$/.test(text) ? Number(text) : (date - Date.now()) / 1000);
  const at = new Date(Date.now() + seconds * 1000);
  if (!Number.isFinite(seconds) || Number.isNaN(at.getTime())) {
    return 'in a little while';
  }
  if (seconds <= 1) {
    return 'in a second';
  }
  if (seconds < 90) {
    return `in ${seconds} seconds`;
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) {
    return `in ${minutes} minutes`;
  }
  if (seconds < 24 * 60 * 60) {
    return `after ${at.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'})}`;
  }
  return `after ${at.toLocaleString([], {dateStyle: 'medium', timeStyle: 'short'})}`;
}

/** The API's messages are written for people; these few speak of headers and paths, so the page says them its own way. */
function wordsFor(error, answer) {
  const code = error?.code;
  if (answer.status === 0) {
    return 'The service cannot be reached. Check your connection and try again.';
  }
  if (code === 'rate_limit.exceeded') {
    return `Too many attempts from your network. Try again ${whenToRetry(answer.retryAfter)}.`;
  }
  if (code === 'auth.throttled') {
    return `Too many wrong passwords for this account. Try again ${whenToRetry(answer.retryAfter)}.`;
  }
  if (answer.status === 503) {
    return `The service is busy right now. Try again ${whenToRetry(answer.retryAfter)}.`;
  }
  if (code === 'auth.email_unverified') {
    return 'Confirm your email address first: follow the link in the message we sent you, or ask for a new link below.';
  }
  if (code === 'csrf.token_invalid' || code === 'csrf.origin_rejected') {
    return 'This page could not prove the request came from it. Reload the page and try again.';
  }
  if (code === 'auth.unauthenticated' || code === 'auth.refresh_refused') {
    return 'You are signed out. Sign in again.';
  }
  if (answer.status >= 500) {
    return 'Something went wrong on our side. Try again in a moment.';
  }
  return error?.message ?? answer.body.detail ?? `The request was refused (${answer.status}). Try again.`;
}

function say(text) {
  byId('status').textContent = text;
}

function show(view) {
  for (const id of VIEWS) {
    byId(id).hidden = id !== view;
  }
}

function prefixOf(form) {
  return form.id.replace(/-form$/, '');
}

function clearErrors(form) {
  byId(`${prefixOf(form)}-form-error`).textContent = '';
  for (const input of form.querySelectorAll('input[name]')) {
    input.removeAttribute('aria-invalid');
    const beside = byId(`${prefixOf(form)}-${input.name}-error`);
    if (beside) {
      beside.textContent = '';
    }
  }
}

/** Each error beside the field it names (errors[].field); errors about no field of this form above it. */
function showProblem(form, answer) {
  clearErrors(form);
  const errors = answer.body.errors?.length ? answer.body.errors : [null];
  const general = [];
  let first = null;
  for (const error of errors) {
    const words = wordsFor(error, answer);
    const input = error && form.querySelector(`input[name="${CSS.escape(error.field)}"]`);
    if (input) {
      const beside = byId(`${prefixOf(form)}-${input.name}-error`);
      beside.textContent = beside.textContent ? `${beside.textContent} ${words}` : words;
      input.setAttribute('aria-invalid', 'true');
      first ??= input;
    } else if (!general.includes(words)) {
      general.push(words);
    }
  }
  byId(`${prefixOf(form)}-form-error`).textContent = general.join(' ');
  (first ?? form.querySelector('button'))?.focus();
}

function render(user) {
  byId('profile-name').textContent = [user.firstName, user.lastName].filter(Boolean).join(' ') || '(none given)';
  byId('profile-email').textContent = user.email;
  byId('profile-verified').textContent = user.emailVerified ? 'Yes' : 'Not yet: follow the link in the message we sent you.';
  byId('profile-id').textContent = user.userId;
  byId('resend-link').hidden = user.emailVerified;
}

function signedOut(message) {
  for (const form of document.forms) {
    form.reset();
    clearErrors(form);
  }
  show('signed-out');
  say(message);
}

/** Shows the profile; with {quietly: true} a visitor who is not signed in just sees the sign-in form. */
async function loadProfile({quietly = false} = {}) {
  if (!csrfToken()) {
    show('signed-out');
    return false;
  }
  const answer = await call('GET', '/users/me', undefined, {session: true});
  if (answer.ok) {
    render(answer.body.user);
    show('signed-in');
    return true;
  }
  if (answer.status === 401) {
    signedOut(quietly ? '' : 'Your session has ended. Sign in again.');
  } else {
    if (!byId('loading').hidden) {
      show('signed-out');
    }
    say(wordsFor(answer.body.errors?.[0], answer));
  }
  return false;
}

let linkToken = null;

const handlers = {
  'sign-up-form': async (form, values) => {
    const answer = await call('POST', '/users/register', values);
    if (!answer.ok) {
      return showProblem(form, answer);
    }
    form.reset();
    byId('sign-in-email').value = values.email;
    say(`Your account is created. We sent a link to ${values.email} to confirm the address. You can sign in now.`);
    byId('sign-in-password').focus();
  },

  'sign-in-form': async (form, values) => {
    const answer = await call('POST', '/auth/login', values);
    if (!answer.ok) {
      return showProblem(form, answer);
    }
    form.reset();
    render(answer.body.user);
    show('signed-in');
    say('You are signed in.');
  },

  'link-form': async (form, values, submitter) => {
    const path = submitter?.value === 'verify' ? '/users/verify-email/resend' : '/auth/password-reset';
    const answer = await call('POST', path, {email: values.email});
    if (!answer.ok) {
      return showProblem(form, answer);
    }
    say(answer.body.message);
  },

  'verify-form': async (form) => {
    const answer = await call('POST', '/users/verify-email', {token: linkToken});
    if (!answer.ok) {
      return showProblem(form, answer);
    }
    if (!await loadProfile({quietly: true})) {
      show('signed-out');
    }
    say(answer.body.message);
  },

  'reset-form': async (form, values) => {
    const answer = await call('POST', '/auth/password-reset/confirm', {token: linkToken, ...values});
    if (!answer.ok) {
      return showProblem(form, answer);
    }
    signedOut(`${answer.body.message} Sign in with your new password.`);
  },

  'change-form': async (form, values) => {
    const answer = await call('POST', '/users/me/password', values, {session: true});
    if (answer.status === 401) {
      return signedOut('Your session has ended. Sign in again.');
    }
    if (!answer.ok) {
      return showProblem(form, answer);
    }
    form.reset();
    say(answer.body.message);
  },

  'delete-form': async (form, values) => {
    const answer = await call('DELETE', '/users/me', values, {session: true});
    if (answer.status === 401) {
      return signedOut('Your session has ended. Sign in again.');
    }
    if (!answer.ok) {
      return showProblem(form, answer);
    }
    signedOut(answer.body.message);
  },
};

const accountActions = {
  'reload-profile': async () => {
    if (await loadProfile()) {
      say('Your account details are up to date.');
    }
  },

  'sign-out': async () => {
    const answer = await call('POST', '/auth/logout');
    if (!answer.ok && answer.status !== 401) {
      byId('account-form-error').textContent = wordsFor(answer.body.errors?.[0], answer);
      return;
    }
    signedOut('You are signed out.');
  },

  'sign-out-everywhere': async () => {
    const answer = await call('POST', '/auth/logout-everywhere', undefined, {session: true});
    if (!answer.ok && answer.status !== 401) {
      byId('account-form-error').textContent = wordsFor(answer.body.errors?.[0], answer);
      return;
    }
    signedOut('You are signed out on every device.');
  },

  'resend-link': async () => {
    const answer = await call('POST', '/users/verify-email/resend', {email: byId('profile-email').textContent});
    byId('account-form-error').textContent = answer.ok ? '' : wordsFor(answer.body.errors?.[0], answer);
    if (answer.ok) {
      say(answer.body.message);
    }
  },
};

/** Buttons stay disabled while their request is under way, so a double click sends one request. */
async function busy(container, work) {
  const buttons = [...container.querySelectorAll('button')];
  buttons.forEach((button) => {
    button.disabled = true;
  });
  container.setAttribute('aria-busy', 'true');
  try {
    await work();
  } finally {
    buttons.forEach((button) => {
      button.disabled = false;
    });
    container.removeAttribute('aria-busy');
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  const handler = handlers[form.id];
  if (!handler) {
    return;
  }
  event.preventDefault();
  say('');
  clearErrors(form);
  const values = Object.fromEntries(new FormData(form));
  busy(form, () => handler(form, values, event.submitter));
});

document.addEventListener('click', (event) => {
  const button = event.target.closest('button[type="button"]');
  const action = button && accountActions[button.id];
  if (action) {
    say('');
    byId('account-form-error').textContent = '';
    busy(button.closest('section'), action);
  }
});

/**
 * Mailed links open this page at /verify-email?token=… or /reset-password?token=…. The token is kept in memory
 * and taken out of the address bar at once, so that it stays out of the history and off the screen.
 */
async function start() {
  const path = location.pathname;
  linkToken = new URLSearchParams(location.search).get('token');
  if (path !== '/' || location.search) {
    history.replaceState(null, '', '/');
  }
  if (linkToken && path === '/verify-email') {
    show('verify');
  } else if (linkToken && path === '/reset-password') {
    show('reset');
    byId('reset-password').focus();
  } else if (!await loadProfile({quietly: true}) && path === '/reset-password') {
    byId('link-email').focus();
  }
}

start();
