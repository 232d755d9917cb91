// The workspace's only script: htmx requests carry the session's CSRF token, as the forms do.
document.addEventListener('htmx:configRequest', event => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
