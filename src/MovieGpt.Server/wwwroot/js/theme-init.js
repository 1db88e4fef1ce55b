// Runs before the first paint: apply the remembered theme, else the system preference.
(function () {
    var saved = null;
    try { saved = localStorage.getItem('moviegpt-theme'); } catch (e) { /* storage may be blocked */ }
    var dark = saved ? saved === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
